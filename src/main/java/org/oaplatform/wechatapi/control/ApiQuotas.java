package org.oaplatform.wechatapi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.RateLimitedException;

/**
 * Per-account, per-API daily call counters (spec §1.4). Days run on Beijing time, like WeChat's. A call is counted
 * in the caller's transaction: the atomic upsert serialises concurrent calls of one account on one API, and a
 * refused call rolls its own increment back.
 */
@ApplicationScoped
public class ApiQuotas {

    public static final ZoneId QUOTA_ZONE = ZoneId.of("Asia/Shanghai");

    public record Usage(int dailyLimit, int used) {
        public int remaining() {
            return Math.max(0, dailyLimit - used);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Counts one call of {@code api}; refuses with 45009 when the day's {@code dailyLimit} is used up. */
    public void consume(long accountId, String api, int dailyLimit) {
        LocalDate day = today();
        em.createNativeQuery("INSERT INTO api_quota_usage (account_id, api, quota_day, used) VALUES (?, ?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE used = used + 1")
                .setParameter(1, accountId).setParameter(2, api).setParameter(3, day).executeUpdate();
        if (used(accountId, api, day) > dailyLimit) {
            throw new RateLimitedException(ErrorCode.DAILY_QUOTA_EXCEEDED);
        }
    }

    public Usage usage(long accountId, String api, int dailyLimit) {
        return new Usage(dailyLimit, used(accountId, api, today()));
    }

    private int used(long accountId, String api, LocalDate day) {
        Object used = em.createNativeQuery("SELECT used FROM api_quota_usage WHERE account_id = ? AND api = ? AND quota_day = ?")
                .setParameter(1, accountId).setParameter(2, api).setParameter(3, day)
                .getResultStream().findFirst().orElse(0);
        return ((Number) used).intValue();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), QUOTA_ZONE);
    }
}
