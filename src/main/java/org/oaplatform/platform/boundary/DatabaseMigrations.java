package org.oaplatform.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.ExcludeDefaultInterceptors;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.oaplatform.platform.control.BackOff;
import org.oaplatform.platform.control.DatabaseOutages;
import org.oaplatform.platform.control.SchemaReadiness;

/**
 * Brings the schema up to date before anything else touches the database, then opens {@link SchemaReadiness}. Flyway
 * owns the schema; JPA never generates DDL. Bean-managed transactions because Flyway commits each migration itself.
 * <p>
 * The application deploys whatever the database's state. If the database cannot be reached at deployment, this
 * instance answers "system busy" and retries with {@link BackOff} on a non-persistent timer (each instance must open
 * its own gate) until the database answers, then serves by itself. When several instances of a deployment group
 * retry, Flyway's lock on the database lets one apply the migrations; the others wait for it and find nothing left to
 * do. A migration that fails for any other reason at deployment still fails the deployment, loudly.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ExcludeDefaultInterceptors // its retries are the one timer that must run before the schema is ready
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "jdbc/oaplatform")
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Inject
    SchemaReadiness readiness;

    @Inject
    Event<SchemaMigrated> migrated;

    private int failedAttempts;

    @PostConstruct
    void migrateOrWaitForTheDatabase() {
        try {
            migrate();
        } catch (RuntimeException e) {
            if (!DatabaseOutages.causedBy(e)) {
                throw e;
            }
            retryLater(e);
        }
    }

    @Timeout
    void retry() {
        try {
            migrate();
        } catch (RuntimeException e) {
            retryLater(e);
        }
    }

    private void migrate() {
        MigrateResult result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        migrated.fire(new SchemaMigrated(result.targetSchemaVersion));
        readiness.ready();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)" + (failedAttempts > 0 ? " after " + failedAttempts + " failed attempts" : "")
                + "; serving");
    }

    private void retryLater(RuntimeException failure) {
        failedAttempts++;
        Duration delay = BackOff.delay(failedAttempts, ThreadLocalRandom.current().nextDouble());
        boolean away = DatabaseOutages.causedBy(failure);
        readiness.waiting(away ? "the database is unreachable" : "the database migrations failed; see the server log");
        String attempt = "Database migrations, attempt " + failedAttempts + ": ";
        String next = "; answering 'system busy' and trying again in " + delay.toMillis() + " ms";
        if (away) {
            LOG.warning(() -> attempt + "the database is unreachable (" + failure + ")" + next);
        } else {
            LOG.log(Level.SEVERE, attempt + "failed" + next, failure);
        }
        timers.createSingleActionTimer(delay.toMillis(), new TimerConfig("database-migrations-retry", false));
    }
}
