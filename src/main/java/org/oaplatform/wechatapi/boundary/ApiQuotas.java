package org.oaplatform.wechatapi.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.wechatapi.control.WeChatApiError;

/**
 * Per-account, per-API daily call quotas (spec §1.4), on Beijing days like WeChat's.
 * <p>
 * Writing a counter row for every call serialises all calls of an account on that row (lock and log flush per call:
 * about 130 calls a second at 16 clients here). Instead each instance takes a <em>lease</em>: it reserves a block of
 * calls durably ({@link QuotaReservations}) and hands them out from memory. The database therefore always counts at
 * least every call made, the limit holds across all instances, and small quotas (block of 1) stay exact call by
 * call. The price: calls leased but unused when an instance stops are lost for the day (at most one block per
 * instance and API). See {@code docs/access-tokens.md}.
 */
@ApplicationScoped
public class ApiQuotas {

    public static final ZoneId QUOTA_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Quotas up to this size are counted call by call; larger ones in blocks of a thousandth, at most
     * {@link #MAX_BLOCK}. Every caller of an account waits while its lease reserves the next block (a durable commit),
     * so blocks of 100 stalled a million-a-day API sixteen times a second at full speed; a thousandth loses at most
     * 0.1 % of the day's quota per instance restart.
     */
    static final int EXACT_UP_TO = 10_000;
    static final int MAX_BLOCK = 1_000;

    public record Usage(int dailyLimit, int used) {
        public int remaining() {
            return Math.max(0, dailyLimit - used);
        }
    }

    private record Key(long accountId, String api, LocalDate day) {
    }

    /** Calls reserved in the database and not yet handed out, per account, API and day. */
    private static final class Lease {
        int remaining;
    }

    private final ConcurrentMap<Key, Lease> leases = new ConcurrentHashMap<>();

    /** The newest day a call was counted on; leases of the days before it are of no use any more. */
    private final AtomicReference<LocalDate> newestDay = new AtomicReference<>(LocalDate.MIN);

    @Inject
    Clock clock;

    @Inject
    QuotaReservations reservations;

    /** Counts one call of {@code api}; refuses with 45009 when the day's {@code dailyLimit} is used up. */
    public void consume(long accountId, String api, int dailyLimit) {
        LocalDate day = today();
        forgetLeasesBefore(day);
        Lease lease = leases.computeIfAbsent(new Key(accountId, api, day), key -> new Lease());
        synchronized (lease) {
            if (lease.remaining == 0) {
                lease.remaining = reservations.reserve(accountId, api, day, dailyLimit, blockSize(dailyLimit));
            }
            if (lease.remaining == 0) {
                throw new BusinessException(WeChatApiError.DAILY_QUOTA_EXCEEDED);
            }
            lease.remaining--;
        }
    }

    /** What {@code quota/get} reports: calls counted so far, leased ones included. */
    public Usage usage(long accountId, String api, int dailyLimit) {
        return new Usage(dailyLimit, reservations.used(accountId, api, today()));
    }

    static int blockSize(int dailyLimit) {
        return dailyLimit <= EXACT_UP_TO ? 1 : Math.min(MAX_BLOCK, dailyLimit / 1_000);
    }

    /**
     * The first call of a new day drops the past days' leases. Never from inside {@code computeIfAbsent}: a mapping
     * function that modifies its own map may lose the entry being added or deadlock against another thread's
     * computation (the JDK forbids it), which is exactly what all callers do at midnight.
     */
    private void forgetLeasesBefore(LocalDate day) {
        LocalDate newest = newestDay.get();
        if (day.isAfter(newest) && newestDay.compareAndSet(newest, day)) {
            leases.keySet().removeIf(key -> key.day().isBefore(day));
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), QUOTA_ZONE);
    }
}
