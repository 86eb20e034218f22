package org.oaplatform.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.oaplatform.platform.control.SchemaReadiness;

/**
 * The installation is ready only while the database answers and its schema is migrated: without them nothing works.
 * Readiness, not liveness: restarting the server does not bring a database back ({@code /health/live} stays UP,
 * {@code /health} and {@code /health/ready} go DOWN).
 * <p>
 * The answer comes within {@link #PATIENCE} whatever the database does: a database that stops answering without
 * closing its connections would otherwise hold the check for the driver's socket timeouts or the pool's wait for a
 * free connection, and the load balancer polling {@code /health} would learn nothing. One probe at a time: a probe that
 * hangs is awaited by the next checks instead of piling up more.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    static final Duration PATIENCE = Duration.ofSeconds(2);

    @Resource(lookup = "jdbc/oaplatform")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    SchemaReadiness readiness;

    private CompletableFuture<Void> probe;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        if (!readiness.isReady()) {
            return response.down().withData("waiting-for", readiness.waitingFor()).build();
        }
        try {
            currentProbe().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return response.up().build();
        } catch (TimeoutException e) {
            return response.down().withData("error", "no answer within " + PATIENCE.toSeconds() + " s").build();
        } catch (ExecutionException e) {
            return response.down().withData("error", e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }

    private synchronized CompletableFuture<Void> currentProbe() {
        if (probe == null || probe.isDone()) {
            probe = CompletableFuture.runAsync(this::connect, executor);
        }
        return probe;
    }

    private void connect() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) PATIENCE.toSeconds())) {
                throw new SQLException("the connection is not valid");
            }
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }
}
