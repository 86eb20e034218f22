package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Counts the transactions run again because they lost a deadlock or a lock wait, on {@code /metrics} as
 * {@code oa_lock_conflict_retries_total{cause="deadlock"|"lock-wait-timeout"}}. A retry hides the conflict from the
 * client, so without this count a broken lock order would only show as latency. The flows lock in one order (see
 * {@code docs/payments.md}), so a deadlock counted here is a bug; the concurrency tests require zero.
 * <p>
 * MicroProfile Metrics is Payara's; WildFly 39 has none. Only {@link LockConflictMetrics} names its types, so this
 * bean loads everywhere and counts nowhere visible where the API is missing.
 */
@ApplicationScoped
public class LockConflictRetries {

    private static final Logger LOG = Logger.getLogger(LockConflictRetries.class.getName());

    private volatile Consumer<LockConflicts.Cause> counter = cause -> {
    };

    /** Registers the counters at deployment, so that {@code /metrics} shows them at zero before any conflict. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        try {
            counter = LockConflictMetrics.register();
        } catch (LinkageError | RuntimeException noMetrics) {
            LOG.info(() -> "No MicroProfile Metrics (" + noMetrics + "): lock-conflict retries are not counted");
        }
    }

    public void retried(LockConflicts.Cause cause) {
        counter.accept(cause);
    }
}
