package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Counts the transactions run again because they lost a deadlock or a lock wait, on {@code /metrics} as
 * {@code oa_lock_conflict_retries_total{cause="deadlock"|"lock-wait-timeout"}}. A retry hides the conflict from the
 * client, so without this count a broken lock order would only show as latency. The flows lock in one order (see
 * {@code docs/payments.md}), so a deadlock counted here is a bug; the concurrency tests require zero.
 * <p>
 * MicroProfile Metrics is Payara's; WildFly 39 has none. Only {@link LockConflictMetrics} names its types: where they
 * are missing, that bean does not load and retries are not counted, but this one still does its part.
 */
@ApplicationScoped
public class LockConflictRetries {

    /** Where a retry is counted: the one implementation exists where MicroProfile Metrics does. */
    public interface Counter {
        void retried(LockConflicts.Cause cause);
    }

    @Inject
    Instance<Counter> counters;

    /** Registers the counters at deployment, so that {@code /metrics} shows them at zero before any conflict. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        counters.stream().forEach(counter -> counter.retried(null));
    }

    public void retried(LockConflicts.Cause cause) {
        counters.stream().forEach(counter -> counter.retried(cause));
    }
}
