package org.oaplatform.wechatapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.wechatapi.boundary.ApiQuotas;
import org.oaplatform.wechatapi.boundary.QuotaReservations;
import org.oaplatform.wechatapi.boundary.TestAccess;
import org.oaplatform.wechatapi.control.WeChatApiError;

/** The lease arithmetic of daily quotas, against an in-memory stand-in for the database row. */
class ApiQuotasTest {

    /** Grants like the database does: never past the limit, counted per day. */
    static final class CountingReservations extends QuotaReservations {
        final AtomicInteger used = new AtomicInteger();
        final AtomicInteger reservationsMade = new AtomicInteger();

        @Override
        public synchronized int reserve(long accountId, String api, LocalDate day, int dailyLimit, int wanted) {
            reservationsMade.incrementAndGet();
            int granted = Math.max(0, Math.min(wanted, dailyLimit - used.get()));
            used.addAndGet(granted);
            return granted;
        }

        @Override
        public int used(long accountId, String api, LocalDate day) {
            return used.get();
        }
    }

    private final CountingReservations database = new CountingReservations();
    private final ApiQuotas quotas = quotas(database);

    @Test
    void smallQuotasAreCountedCallByCall() {
        for (int i = 0; i < 2000; i++) {
            quotas.consume(1, "/cgi-bin/token", 2000);
        }
        BusinessException refused = assertThrows(BusinessException.class,
                () -> quotas.consume(1, "/cgi-bin/token", 2000));
        assertEquals(WeChatApiError.DAILY_QUOTA_EXCEEDED, refused.code());
        assertEquals(2000, database.used.get());
        assertEquals(2001, database.reservationsMade.get());
    }

    @Test
    void largeQuotasReserveBlocksButNeverPassTheLimit() {
        for (int i = 0; i < 1_500; i++) {
            quotas.consume(1, "/cgi-bin/user/info", 1_000_000);
        }
        assertEquals(2, database.reservationsMade.get(), "blocks of a thousandth");
        assertEquals(2_000, database.used.get(), "the database counts every call made, and the unused rest of the lease");
    }

    @Test
    void concurrentCallersOfSeveralInstancesGetExactlyTheLimit() throws Exception {
        ApiQuotas otherInstance = quotas(database);
        int limit = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger admitted = new AtomicInteger();
        List<Callable<Void>> callers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            ApiQuotas instance = t % 2 == 0 ? quotas : otherInstance;
            callers.add(() -> {
                for (int i = 0; i < 2_000; i++) {
                    try {
                        instance.consume(7, "/cgi-bin/user/info", limit);
                        admitted.incrementAndGet();
                    } catch (BusinessException quotaUsedUp) {
                        // expected once the limit is reached
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(callers)) {
            f.get();
        }
        pool.shutdown();
        assertEquals(limit, admitted.get());
        assertEquals(limit, database.used.get());
    }

    @Test
    void aNewBeijingDayStartsAfresh() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T15:59:00Z"));
        ApiQuotas quotas = quotas(database, clock);
        quotas.consume(1, "/cgi-bin/token", 1);
        assertThrows(BusinessException.class, () -> quotas.consume(1, "/cgi-bin/token", 1));
        database.used.set(0);
        clock.now = Instant.parse("2026-11-22T16:00:00Z"); // midnight in Beijing
        quotas.consume(1, "/cgi-bin/token", 1);
    }

    private static ApiQuotas quotas(QuotaReservations database) {
        return quotas(database, Clock.systemUTC());
    }

    private static ApiQuotas quotas(QuotaReservations database, Clock clock) {
        return TestAccess.quotas(database, clock);
    }

    /** Grants like the database does, per account and day, and remembers what each got. */
    static final class PerDayReservations extends QuotaReservations {
        private final ConcurrentMap<String, AtomicInteger> used = new ConcurrentHashMap<>();

        @Override
        public int reserve(long accountId, String api, LocalDate day, int dailyLimit, int wanted) {
            AtomicInteger row = used.computeIfAbsent(accountId + "/" + api + "/" + day, k -> new AtomicInteger());
            int[] granted = new int[1];
            row.getAndUpdate(u -> {
                granted[0] = Math.max(0, Math.min(wanted, dailyLimit - u));
                return u + granted[0];
            });
            return granted[0];
        }

        @Override
        public int used(long accountId, String api, LocalDate day) {
            AtomicInteger row = used.get(accountId + "/" + api + "/" + day);
            return row == null ? 0 : row.get();
        }
    }

    /**
     * The first calls of a new day, from several threads at once, must neither lose a lease (the database would count
     * a block more than was used) nor hang (leases of the past day are dropped meanwhile). Pruning inside the map's
     * computeIfAbsent did both: the JDK forbids a mapping function to modify its map.
     */
    @Test
    void midnightUnderConcurrentCallsLosesNoLeaseAndNeverHangs() throws Exception {
        int threads = 8;
        int accounts = 512;
        int callsPerThreadAndAccount = 25; // 8 × 25 = 200 a day: exactly two blocks of 100 per account
        int limit = 100_000; // blocks of a thousandth: 100
        PerDayReservations perDay = new PerDayReservations();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T16:00:00Z"));
        ApiQuotas quotas = quotas(perDay, clock);
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "quota-caller");
            thread.setDaemon(true); // a deadlocked caller must not keep the test JVM alive
            return thread;
        });
        try {
            for (int day = 0; day < 20; day++) {
                clock.now = Instant.parse("2026-11-22T16:00:00Z").plus(Duration.ofDays(day));
                CyclicBarrier midnight = new CyclicBarrier(threads);
                List<Callable<Void>> callers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t * (accounts / threads);
                    callers.add(() -> {
                        midnight.await();
                        for (int i = 0; i < accounts; i++) {
                            long account = (first + i) % accounts;
                            for (int c = 0; c < callsPerThreadAndAccount; c++) {
                                quotas.consume(account, "/cgi-bin/user/info", limit);
                            }
                        }
                        return null;
                    });
                }
                for (Future<Void> caller : pool.invokeAll(callers, 30, TimeUnit.SECONDS)) {
                    assertFalse(caller.isCancelled(), "day " + day + ": a caller hung at the rollover");
                    caller.get();
                }
                LocalDate beijingDay = LocalDate.ofInstant(clock.now, ApiQuotas.QUOTA_ZONE);
                for (long account = 0; account < accounts; account++) {
                    assertEquals(threads * callsPerThreadAndAccount,
                            perDay.used(account, "/cgi-bin/user/info", beijingDay),
                            "day " + day + ", account " + account + ": reserved calls beyond the two blocks used");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
