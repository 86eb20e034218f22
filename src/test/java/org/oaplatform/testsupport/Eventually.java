package org.oaplatform.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for something the server does by itself (a recovery, a timer), polling instead of sleeping a fixed time. */
public final class Eventually {

    private Eventually() {
    }

    /** The first value that satisfies {@code done}, or the last one seen when {@code patience} ran out. */
    public static <T> T poll(Duration patience, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(patience);
        T last = probe.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = probe.get();
        }
        return last;
    }

    /**
     * For something that must not happen: polls until {@code patience} is over and answers the last value, or answers
     * the first value that breaks {@code holds} at once, so that a test fails as soon as it happens.
     */
    public static <T> T stays(Duration patience, Supplier<T> probe, Predicate<T> holds) {
        return poll(patience, probe, holds.negate());
    }
}
