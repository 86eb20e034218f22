package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this instance may serve: the database answered and its schema is migrated. {@code DatabaseMigrations} opens
 * it; until then every surface answers "system busy, retry" instead of touching a database that is away or a schema
 * that is not there yet, timers skip their runs, and {@code /health} is DOWN. It never closes again: a database that
 * goes away later fails requests one by one (503), and comes back without a redeployment.
 */
@ApplicationScoped
public class SchemaReadiness {

    private volatile boolean ready;
    private volatile String waitingFor = "the database migrations have not run yet";

    public boolean isReady() {
        return ready;
    }

    /** Why this instance is not ready, for {@code /health}. */
    public String waitingFor() {
        return ready ? "" : waitingFor;
    }

    public void ready() {
        ready = true;
    }

    public void waiting(String reason) {
        waitingFor = reason;
    }
}
