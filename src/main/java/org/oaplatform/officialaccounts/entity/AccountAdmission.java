package org.oaplatform.officialaccounts.entity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.control.CapabilityPolicy;
import org.oaplatform.platform.control.GridCodec;
import org.oaplatform.platform.control.GridFields;

/**
 * What admitting an API call needs to know about an official account, small enough to keep in the data grid: who
 * it is, what it may do and from where. Verification is kept as status and end, not as a yes/no, so that a cached
 * admission loses its verified capabilities the moment the year is over.
 */
public record AccountAdmission(long accountId, String appId, AccountType type, AccountRegion region,
        VerificationStatus verificationStatus, Instant verifiedUntil, Set<String> ipWhitelist) {

    /** The whitelist's addresses come last, one field each. */
    public static final GridCodec<AccountAdmission> GRID = new GridCodec<>() {
        @Override
        public String encode(AccountAdmission a) {
            GridFields fields = GridFields.writer().add(a.accountId).add(a.appId).add(a.type).add(a.region)
                    .add(a.verificationStatus).add(a.verifiedUntil);
            a.ipWhitelist.forEach(fields::add);
            return fields.toString();
        }

        @Override
        public AccountAdmission decode(String encoded) {
            GridFields fields = GridFields.reader(encoded);
            return new AccountAdmission(fields.nextLong(), fields.nextString(), fields.nextEnum(AccountType.class),
                    fields.nextEnum(AccountRegion.class), fields.nextEnum(VerificationStatus.class),
                    fields.nextInstant(), new HashSet<>(fields.rest()));
        }
    };

    public AccountAdmission {
        ipWhitelist = Set.copyOf(ipWhitelist);
    }

    /** Verified means approved and not yet a year old, whatever the lapse timer has recorded so far. */
    public boolean isVerifiedAt(Instant now) {
        return isVerified(verificationStatus, verifiedUntil, now);
    }

    public boolean allows(Capability capability, Instant now) {
        return CapabilityPolicy.allows(type, isVerifiedAt(now), region, capability);
    }

    /** An empty whitelist lets every address call; a non-empty one only its addresses. */
    public boolean acceptsCallsFrom(String address) {
        return accepts(ipWhitelist, address);
    }

    static boolean isVerified(VerificationStatus status, Instant verifiedUntil, Instant now) {
        return status == VerificationStatus.VERIFIED && verifiedUntil != null && now.isBefore(verifiedUntil);
    }

    static boolean accepts(Set<String> ipWhitelist, String address) {
        return ipWhitelist.isEmpty() || ipWhitelist.contains(address);
    }
}
