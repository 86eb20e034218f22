package org.oaplatform.portal.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.oaplatform.payments.boundary.LedgerInspection;
import org.oaplatform.payments.boundary.Wallets;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/admin/payment-passwords.xhtml}: the payment passwords locked now after too many wrong tries, for a
 * platform administrator to unlock early (e.g. once the owner's identity is confirmed by other means). Otherwise a
 * lock ends by itself; the boundary records who lifted it in the audit log.
 */
@Named
@ViewScoped
public class PaymentPasswordsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Row(String phone, String displayName, int failures, OffsetDateTime lockedUntil)
            implements Serializable {

        static Row of(Wallets.LockedPassword locked) {
            return new Row(locked.phone(), locked.displayName(), locked.failures(),
                    locked.lockedUntil().atOffset(ZoneOffset.UTC));
        }
    }

    @Inject
    LedgerInspection inspection;

    @Inject
    PortalUser user;

    private List<Row> rows = List.of();

    public void load() {
        rows = inspection.lockedPasswords(user.id()).stream().map(Row::of).toList();
    }

    public void unlock(Row row) {
        inspection.unlockPassword(user.id(), row.phone());
        PortalMessages.info("passwords.unlocked", row.displayName(), row.phone());
        load();
    }

    public List<Row> getRows() {
        return rows;
    }
}
