package org.oaplatform.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DueWorkTest {

    @Test
    void aFailingItemIsLoggedAndTheItemsBehindItStillRun() {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        List<LogRecord> records = new ArrayList<>();
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        List<Long> ran = new ArrayList<>();
        int changed = DueWork.each(List.of(1L, 2L, 3L, 4L), id -> {
            ran.add(id);
            if (id == 2) {
                throw new IllegalStateException("row 2 is inconsistent");
            }
            return id != 3;
        }, log, "settlement of item");

        assertEquals(List.of(1L, 2L, 3L, 4L), ran, "the failure did not stop the run");
        assertEquals(2, changed, "1 and 4 changed; 2 failed and 3 had nothing to do");
        assertEquals(1, records.size());
        LogRecord failure = records.get(0);
        assertEquals(Level.WARNING, failure.getLevel());
        assertEquals("settlement of item 2 failed and is left for the next run", failure.getMessage());
        assertTrue(failure.getThrown() instanceof IllegalStateException);
    }

    @Test
    void batchesRunUntilNothingIsDueAndAFailingItemIsTriedOnceARun() {
        // Forty items due, batches of ten; item 7 always fails and so stays due, first in every batch after it.
        List<Long> done = new ArrayList<>();
        List<Long> ran = new ArrayList<>();
        int changed = DueWork.inBatches(10, limit -> LongStream.rangeClosed(1, 40).boxed()
                .filter(id -> !done.contains(id)).limit(limit).toList(), id -> {
                    ran.add(id);
                    if (id == 7) {
                        throw new IllegalStateException("row 7 is inconsistent");
                    }
                    done.add(id);
                    return id % 2 == 0;
                }, quiet(), "item");

        assertEquals(39, done.size(), "every item but the failing one");
        assertEquals(40, ran.size(), "the failing item was tried once, not once a batch");
        assertEquals(20, changed);
    }

    @Test
    void batchesStopWhenEveryItemDueWasTriedThisRun() {
        List<Long> ran = new ArrayList<>();
        int changed = DueWork.inBatches(3, limit -> List.of(1L, 2L, 3L), id -> {
            ran.add(id);
            throw new IllegalStateException("the bank is down");
        }, quiet(), "item");

        assertEquals(List.of(1L, 2L, 3L), ran);
        assertEquals(0, changed);
    }

    private static Logger quiet() {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        return log;
    }

    @Test
    void nothingDueChangesNothing() {
        assertEquals(0, DueWork.each(List.of(), id -> true, Logger.getAnonymousLogger(), "item"));
    }
}
