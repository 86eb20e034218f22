package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The only class that touches MicroProfile Metrics, so that {@link LockConflictRetries} loads where it is missing
 * (there this bean is not discovered and nothing is counted).
 */
@ApplicationScoped
class LockConflictMetrics implements LockConflictRetries.Counter {

    static final String METRIC = "oa.lock-conflict.retries";

    @Inject
    MetricRegistry metrics;

    private final Map<LockConflicts.Cause, Counter> counters = new EnumMap<>(LockConflicts.Cause.class);

    /** A null cause only registers the counters, at zero. */
    @Override
    public synchronized void retried(LockConflicts.Cause cause) {
        if (counters.isEmpty()) {
            for (LockConflicts.Cause each : LockConflicts.Cause.values()) {
                counters.put(each, metrics.counter(METRIC, new Tag("cause", each.tag())));
            }
        }
        if (cause != null) {
            counters.get(cause).inc();
        }
    }
}
