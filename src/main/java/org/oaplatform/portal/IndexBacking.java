package org.oaplatform.portal;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.boundary.Verifications;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.officialaccounts.entity.OfficialAccount;

/** {@code portal/index.xhtml}: the official accounts the signed-in person belongs to. */
@Named
@ViewScoped
public class IndexBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One account as the table shows it: {@code status} is what to say when not verified, {@code mayApply} offers an
     * application to accounts that are not verified now (a renewal goes through the account's verification page).
     */
    public record Row(String appid, String name, String type, String region, String role, boolean verified,
            String status, boolean mayApply) implements Serializable {
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    Verifications verifications;

    @Inject
    PortalUser user;

    /** Looked up when needed: a view-scoped bean may be serialised, a replacement clock in tests need not be. */
    @Inject
    Instance<Clock> clock;

    private List<Row> rows = List.of();

    public void load() {
        Instant now = clock.get().instant();
        rows = accounts.accountsOf(user.id()).stream().map(m -> row(m, now)).toList();
    }

    private Row row(Membership membership, Instant now) {
        OfficialAccount account = membership.account();
        boolean verified = account.isVerifiedAt(now);
        return new Row(account.appId(), account.name(), account.type().name(), account.region().name(),
                membership.role().name(), verified, account.verificationStatusAt(now).name(),
                !verified && verifications.mayApply(membership));
    }

    public List<Row> getRows() {
        return rows;
    }
}
