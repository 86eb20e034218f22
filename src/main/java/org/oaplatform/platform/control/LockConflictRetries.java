package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the transactions run again because they lost a deadlock or a lock wait, on {@code /metrics} as
 * {@code oa_lock_conflict_retries_total{cause="deadlock"|"lock-wait-timeout"}}. A retry hides the conflict from the
 * client, so without this count a broken lock order would only show as latency. The flows lock in one order (see
 * {@code docs/payments.md}), so a deadlock counted here is a bug; the concurrency tests require zero.
 */
@ApplicationScoped
public class LockConflictRetries {

    public static final String METRIC = "oa.lock-conflict.retries";

    @Inject
    MetricRegistry metrics;

    private final Map<LockConflicts.Cause, Counter> counters = new EnumMap<>(LockConflicts.Cause.class);

    /** Registers the counters at deployment, so that {@code /metrics} shows them at zero before any conflict. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        counted(LockConflicts.Cause.DEADLOCK);
    }

    public void retried(LockConflicts.Cause cause) {
        counted(cause).inc();
    }

    private synchronized Counter counted(LockConflicts.Cause cause) {
        if (counters.isEmpty()) {
            for (LockConflicts.Cause each : LockConflicts.Cause.values()) {
                counters.put(each, metrics.counter(METRIC, new Tag("cause", each.tag())));
            }
        }
        return counters.get(cause);
    }
}
