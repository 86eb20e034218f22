package org.oaplatform.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final long NOON = Instant.parse("2026-12-02T12:00:00Z").toEpochMilli();

    private final AtomicLong wallClock = new AtomicLong(NOON);
    private final TimeOrderedIds ids = new TimeOrderedIds(7, wallClock::get);

    @Test
    void idsArePositiveAndCarryTheirTimeAndNode() {
        long id = ids.next();
        assertTrue(id > 0);
        assertEquals(Instant.ofEpochMilli(NOON), TimeOrderedIds.timestampOf(id));
        assertEquals(7, TimeOrderedIds.nodeOf(id));
    }

    @Test
    void idsGrowWithinAMillisecondAndAcrossMilliseconds() {
        long previous = 0;
        for (int i = 0; i < 20_000; i++) {
            if (i % 1000 == 0) {
                wallClock.incrementAndGet();
            }
            long id = ids.next();
            assertTrue(id > previous, "id " + i + " went back");
            previous = id;
        }
    }

    @Test
    void aFullSequenceBorrowsTheNextMillisecond() {
        long first = ids.next();
        long last = first;
        for (int i = 0; i < TimeOrderedIds.MAX_SEQUENCE + 1; i++) {
            last = ids.next();
        }
        assertTrue(last > first);
        assertEquals(Instant.ofEpochMilli(NOON + 1), TimeOrderedIds.timestampOf(last), "borrowed the next millisecond");
    }

    @Test
    void aClockSteppingBackNeverMakesAnIdGoBack() {
        wallClock.addAndGet(60_000);
        long beforeTheStep = ids.next();
        wallClock.addAndGet(-3_600_000);
        long previous = beforeTheStep;
        for (int i = 0; i < 10_000; i++) {
            long id = ids.next();
            assertTrue(id > previous, "id " + i + " after the step went back");
            previous = id;
        }
        assertTrue(TimeOrderedIds.timestampOf(previous).isAfter(TimeOrderedIds.timestampOf(beforeTheStep)),
                "went on from the last timestamp, borrowing milliseconds");
        wallClock.addAndGet(7_200_000);
        long caughtUp = ids.next();
        assertEquals(Instant.ofEpochMilli(wallClock.get()), TimeOrderedIds.timestampOf(caughtUp),
                "back on the wall clock once it passed the borrowed time");
    }

    @Test
    void idsAreUniqueAndIncreasingPerThreadAcrossThreads() throws Exception {
        TimeOrderedIds shared = new TimeOrderedIds(3, System::currentTimeMillis);
        int threads = 8;
        int each = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<long[]> draw = () -> {
                    long[] drawn = new long[each];
                    for (int i = 0; i < each; i++) {
                        drawn[i] = shared.next();
                    }
                    return drawn;
                };
                results.add(pool.submit(draw));
            }
            Set<Long> all = new HashSet<>();
            for (Future<long[]> result : results) {
                long[] drawn = result.get();
                for (int i = 0; i < drawn.length; i++) {
                    assertTrue(i == 0 || drawn[i] > drawn[i - 1], "a thread saw an id go back");
                    assertTrue(all.add(drawn[i]), "duplicate id " + drawn[i]);
                }
            }
            assertEquals(threads * each, all.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void differentNodesNeverCollideInTheSameMillisecond() {
        TimeOrderedIds other = new TimeOrderedIds(8, wallClock::get);
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(all.add(ids.next()));
            assertTrue(all.add(other.next()));
        }
    }

    @Test
    void aNodeOutsideTenBitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TimeOrderedIds(1024, wallClock::get));
        assertThrows(IllegalArgumentException.class, () -> new TimeOrderedIds(-1, wallClock::get));
    }
}
