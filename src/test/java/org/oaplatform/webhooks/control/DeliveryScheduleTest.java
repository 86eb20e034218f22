package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryScheduleTest {

    @Test
    void backOffIsOneThenTwoSeconds() {
        assertEquals(Duration.ofSeconds(1), DeliverySchedule.backOff(1));
        assertEquals(Duration.ofSeconds(2), DeliverySchedule.backOff(2));
        assertEquals(Duration.ofSeconds(2), DeliverySchedule.backOff(5));
        assertEquals(Duration.ofSeconds(1), DeliverySchedule.backOff(0));
    }

    @Test
    void aLeaseOutlastsAnyAttemptSoThatOnlyADeadInstanceLosesIt() {
        Duration longestAttempt = DeliverySchedule.TIMEOUT.plusSeconds(5); // the call, plus two short transactions
        assertTrue(DeliverySchedule.LEASE.compareTo(longestAttempt) > 0);
    }

    @Test
    void threeAttemptsAsWeChat() {
        assertEquals(3, DeliverySchedule.MAX_ATTEMPTS);
        assertEquals(Duration.ofSeconds(5), DeliverySchedule.TIMEOUT);
    }
}
