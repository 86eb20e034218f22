package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.oaplatform.platform.control.SystemClock;

class SystemClockTest {

    @RepeatedTest(20)
    void nowHasNoMoreDigitsThanTheDatabaseKeeps() {
        Clock clock = new SystemClock().clock();
        Instant now = clock.instant();
        assertEquals(0, now.getNano() % 1_000, now + " has nanoseconds that DATETIME(6) would round away");
    }
}
