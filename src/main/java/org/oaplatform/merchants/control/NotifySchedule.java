package org.oaplatform.merchants.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a payment notification is sent again (spec §2.4, WeChat's own schedule): at once, then after 15 s, 15 s,
 * 30 s, 3 min, 10 min, 20 min, 30 min, 30 min, 30 min, 60 min, 3 h, 3 h, 3 h, 6 h and 6 h, about 24 hours in all,
 * until the merchant answers {@code SUCCESS}. An attempt owns its notification for {@link #LEASE}, longer than any
 * attempt lasts, so that a lease that ran out means the instance died and another takes over.
 */
public final class NotifySchedule {

    static final List<Duration> PAUSES = List.of(Duration.ofSeconds(15), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(20),
            Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofMinutes(60),
            Duration.ofHours(3), Duration.ofHours(3), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(6));

    public static final int MAX_ATTEMPTS = PAUSES.size() + 1;
    public static final Duration LEASE = Duration.ofSeconds(30);

    private NotifySchedule() {
    }

    /** The pause after the {@code failedAttempts}-th failed attempt, or empty when that was the last one. */
    public static Optional<Duration> pauseAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        return failedAttempts > PAUSES.size() ? Optional.empty() : Optional.of(PAUSES.get(failedAttempts - 1));
    }
}
