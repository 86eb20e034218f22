package org.oaplatform.officialaccounts.boundary;

import java.time.Instant;
import java.util.List;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.EntityType;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.officialaccounts.entity.VerificationStatus;

/** An official account as the client API shows it; members also see the whitelist and original id. */
public record AccountView(String appid, String name, AccountType type, AccountRegion region, EntityType entityType,
        String description, boolean verified, VerificationStatus verificationStatus, Instant verifiedUntil,
        String originalId, String role, List<String> ipWhitelist) {

    static AccountView publicView(OfficialAccount a, Instant now) {
        return new AccountView(a.appId(), a.name(), a.type(), a.region(), a.entityType(), a.description(),
                a.isVerifiedAt(now), null, null, null, null, null);
    }

    static AccountView memberView(OfficialAccount a, String role, Instant now) {
        return new AccountView(a.appId(), a.name(), a.type(), a.region(), a.entityType(), a.description(),
                a.isVerifiedAt(now), a.verificationStatusAt(now), a.verifiedUntil(), a.originalId(), role,
                a.ipWhitelist().stream().sorted().toList());
    }
}
