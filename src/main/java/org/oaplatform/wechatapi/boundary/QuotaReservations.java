package org.oaplatform.wechatapi.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/**
 * Durable reservations against an account's daily quota of one API: the database row is the source of truth and is
 * only ever increased, in a transaction of its own, so a reservation survives whatever happens to the call that
 * asked for it and the sum over all instances can never pass the limit. A boundary because it opens that
 * transaction (DESIGN.md: control holds no transactions).
 */
@Stateless
public class QuotaReservations {

    @PersistenceContext
    EntityManager em;

    /**
     * Reserves up to {@code wanted} calls.
     *
     * @return how many were granted: 0 when the day's quota is used up
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int reserve(long accountId, String api, LocalDate day, int dailyLimit, int wanted) {
        em.createNativeQuery("INSERT INTO api_quota_usage (account_id, api, quota_day, used) VALUES (?, ?, ?, 0)"
                + " ON DUPLICATE KEY UPDATE used = used")
                .setParameter(1, accountId).setParameter(2, api).setParameter(3, day).executeUpdate();
        int used = ((Number) em.createNativeQuery("SELECT used FROM api_quota_usage WHERE account_id = ? AND api = ?"
                + " AND quota_day = ? FOR UPDATE")
                .setParameter(1, accountId).setParameter(2, api).setParameter(3, day).getSingleResult()).intValue();
        int granted = Math.max(0, Math.min(wanted, dailyLimit - used));
        if (granted > 0) {
            em.createNativeQuery("UPDATE api_quota_usage SET used = used + ? WHERE account_id = ? AND api = ?"
                    + " AND quota_day = ?")
                    .setParameter(1, granted).setParameter(2, accountId).setParameter(3, api).setParameter(4, day)
                    .executeUpdate();
        }
        return granted;
    }

    /** Calls counted (reserved) so far on that day; a read, so outside any transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int used(long accountId, String api, LocalDate day) {
        Object used = em.createNativeQuery("SELECT used FROM api_quota_usage WHERE account_id = ? AND api = ? AND quota_day = ?")
                .setParameter(1, accountId).setParameter(2, api).setParameter(3, day)
                .getResultStream().findFirst().orElse(0);
        return ((Number) used).intValue();
    }
}
