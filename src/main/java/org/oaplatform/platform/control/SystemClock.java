package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The only source of "now". Business code injects {@link Clock} and never calls {@code Instant.now()}, so tests
 * can move past windows and expiries by replacing this producer with an alternative.
 *
 * <p>It ticks in microseconds, the precision of the database's {@code DATETIME(6)}: an instant answered at once (a
 * top-up's {@code settledAt}, stored as the idempotent answer) is then the same one a later read of the row gives,
 * instead of differing from it in the rounded-away nanoseconds.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
