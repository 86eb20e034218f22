package org.oaplatform.platform.control;

import java.time.Duration;

/**
 * Delays between attempts to reach something that is away: doubling from {@link #FIRST}, never above {@link #LONGEST},
 * and spread by ±25 % so that the instances of a deployment group that lost the database together do not retry in
 * step.
 */
public final class BackOff {

    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration LONGEST = Duration.ofSeconds(10);

    private BackOff() {
    }

    /**
     * @param failures how many attempts failed so far (at least 1)
     * @param random a number in [0, 1), the jitter
     */
    public static Duration delay(int failures, double random) {
        long doubled = FIRST.toMillis() << Math.min(Math.max(failures, 1) - 1, 20);
        long millis = Math.min(doubled, LONGEST.toMillis());
        return Duration.ofMillis(Math.round(millis * (0.75 + random / 2)));
    }
}
