package org.oaplatform.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's count of transactions it ran again after losing a deadlock or a lock wait, read from {@code /metrics}
 * ({@code LockConflictRetries}). Retries hide such conflicts from clients, so a concurrency test reads the count
 * before and after its load and requires that it did not grow.
 */
public final class LockConflictCount {

    private static final Pattern SAMPLE = Pattern.compile(
            "(?m)^oa_lock_conflict_retries(?:_total)?\\{[^}]*cause=\"([a-z-]+)\"[^}]*\\}\\s+([0-9.eE+]+)");

    private final long deadlocks;
    private final long lockWaitTimeouts;

    private LockConflictCount(long deadlocks, long lockWaitTimeouts) {
        this.deadlocks = deadlocks;
        this.lockWaitTimeouts = lockWaitTimeouts;
    }

    public static LockConflictCount now(Api api) {
        Api.Reply metrics = api.get("metrics?scope=application");
        assertEquals(200, metrics.status(), metrics.text());
        Matcher sample = SAMPLE.matcher(metrics.text());
        long deadlocks = -1;
        long waits = -1;
        while (sample.find()) {
            long value = (long) Double.parseDouble(sample.group(2));
            switch (sample.group(1)) {
                case "deadlock" -> deadlocks = value;
                case "lock-wait-timeout" -> waits = value;
                default -> throw new AssertionError("unknown cause " + sample.group(1));
            }
        }
        assertTrue(deadlocks >= 0 && waits >= 0, "no lock-conflict counters on /metrics:\n" + metrics.text());
        return new LockConflictCount(deadlocks, waits);
    }

    /** Fails unless no transaction was retried for a lock conflict since {@code before}. */
    public void assertNoneSince(LockConflictCount before) {
        assertEquals(before.deadlocks, deadlocks, "transactions retried after a deadlock");
        assertEquals(before.lockWaitTimeouts, lockWaitTimeouts, "transactions retried after a lock wait timeout");
    }
}
