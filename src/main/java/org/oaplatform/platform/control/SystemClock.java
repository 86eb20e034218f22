package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The only source of "now". Business code injects {@link Clock} and never calls {@code Instant.now()}, so tests
 * can move past windows and expiries by replacing this producer with an alternative.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }
}
