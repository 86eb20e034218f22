package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BackOff;

class BackOffTest {

    private static final double NO_JITTER = 0.5;

    @Test
    void doublesFromOneSecondUpToTenSeconds() {
        assertEquals(Duration.ofSeconds(1), BackOff.delay(1, NO_JITTER));
        assertEquals(Duration.ofSeconds(2), BackOff.delay(2, NO_JITTER));
        assertEquals(Duration.ofSeconds(4), BackOff.delay(3, NO_JITTER));
        assertEquals(Duration.ofSeconds(8), BackOff.delay(4, NO_JITTER));
        assertEquals(Duration.ofSeconds(10), BackOff.delay(5, NO_JITTER));
        assertEquals(Duration.ofSeconds(10), BackOff.delay(1_000, NO_JITTER));
    }

    @Test
    void spreadsByAQuarterEitherWay() {
        assertEquals(Duration.ofMillis(7_500), BackOff.delay(9, 0.0));
        assertEquals(Duration.ofMillis(12_495), BackOff.delay(9, 0.999));
    }
}
