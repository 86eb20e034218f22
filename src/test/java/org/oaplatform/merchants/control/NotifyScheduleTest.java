package org.oaplatform.merchants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotifyScheduleTest {

    @Test
    void followsWeChatsScheduleOfAboutTwentyFourHours() {
        assertEquals(Optional.of(Duration.ofSeconds(15)), NotifySchedule.pauseAfter(1));
        assertEquals(Optional.of(Duration.ofMinutes(3)), NotifySchedule.pauseAfter(4));
        assertEquals(Optional.of(Duration.ofHours(6)), NotifySchedule.pauseAfter(15));
        assertEquals(Optional.empty(), NotifySchedule.pauseAfter(16));
        assertEquals(16, NotifySchedule.MAX_ATTEMPTS);
        Duration total = NotifySchedule.PAUSES.stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofHours(24).plusMinutes(4), total);
        assertTrue(NotifySchedule.LEASE.compareTo(Duration.ofSeconds(5)) > 0);
    }
}
