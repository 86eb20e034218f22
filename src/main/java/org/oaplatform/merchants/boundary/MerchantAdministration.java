package org.oaplatform.merchants.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.merchants.control.MerchantError;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.payments.entity.LedgerAccount;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * Platform administrators' view of merchants: the list with balances, and suspension. A suspended merchant's
 * {@code /pay} and {@code /secapi} calls answer NOAUTH, payers cannot pay its orders and its settlement waits until it
 * is resumed; what was accepted before (refunds, notifications) goes on. Both actions are audited.
 */
@Stateless
public class MerchantAdministration {

    public record MerchantRow(String mchId, String appid, String account, long balance, Instant createdAt,
            Instant suspendedAt, String suspensionReason) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    People people;

    @Inject
    Merchants merchants;

    @Inject
    AuditLog audit;

    public List<MerchantRow> list(long adminId, int limit) {
        people.requirePlatformAdmin(adminId);
        return em.createNamedQuery(Merchant.NEWEST_FIRST, Merchant.class)
                .setMaxResults(Math.max(1, Math.min(limit, 500))).getResultStream().map(this::row).toList();
    }

    public MerchantRow suspend(long adminId, String mchId, String reason) {
        people.requirePlatformAdmin(adminId);
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a reason of 1 to 200 characters is required");
        }
        Merchant merchant = locked(mchId);
        merchant.suspend(reason.strip(), clock.instant());
        audit.record("merchant.suspended", "mch:" + mchId, reason.strip());
        return row(merchant);
    }

    public MerchantRow resume(long adminId, String mchId) {
        people.requirePlatformAdmin(adminId);
        Merchant merchant = locked(mchId);
        if (merchant.isSuspended()) {
            merchant.resume();
            audit.record("merchant.resumed", "mch:" + mchId, null);
        }
        return row(merchant);
    }

    private Merchant locked(String mchId) {
        Merchant merchant = merchants.byMchId(mchId)
                .orElseThrow(() -> new BusinessException(MerchantError.MERCHANT_UNKNOWN, "no merchant " + mchId));
        return em.find(Merchant.class, merchant.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    private MerchantRow row(Merchant merchant) {
        OfficialAccount account = em.find(OfficialAccount.class, merchant.accountId());
        return new MerchantRow(merchant.mchId(), account.appId(), account.name(),
                em.find(LedgerAccount.class, merchant.ledgerAccountId()).balance(), merchant.createdAt(),
                merchant.suspendedAt(), merchant.suspensionReason());
    }
}
