package org.oaplatform.platform.control;

import jakarta.enterprise.inject.spi.CDI;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The only class that touches MicroProfile Metrics, so that {@link LockConflictRetries} loads where it is missing. */
final class LockConflictMetrics {

    static final String METRIC = "oa.lock-conflict.retries";

    private LockConflictMetrics() {
    }

    /** Registers one counter per cause in the application registry; answers what counts a retry. */
    static Consumer<LockConflicts.Cause> register() {
        MetricRegistry registry = CDI.current().select(MetricRegistry.class).get();
        Map<LockConflicts.Cause, Counter> counters = new EnumMap<>(LockConflicts.Cause.class);
        for (LockConflicts.Cause cause : LockConflicts.Cause.values()) {
            counters.put(cause, registry.counter(METRIC, new Tag("cause", cause.tag())));
        }
        return cause -> counters.get(cause).inc();
    }
}
