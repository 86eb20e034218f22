package org.oaplatform.broadcasts.control;

import java.time.Duration;
import org.oaplatform.platform.control.BusinessException;

/**
 * WeChat's mass-send speeds (spec §6.1): level 0 is 800 000 recipients a minute, then 600 000, 450 000, 300 000 and
 * 100 000. Levels 1 to 4 are honoured as caps: a broadcast's chunks start no faster than the level allows. Level 0,
 * WeChat's fastest, is uncapped: the platform sends as fast as it can, which is more than WeChat's published
 * 800 000 a minute (docs/broadcasts.md), and {@code speed/get} still reports WeChat's figure.
 */
public final class BroadcastSpeed {

    private static final int[] PER_MINUTE = {800_000, 600_000, 450_000, 300_000, 100_000};

    private BroadcastSpeed() {
    }

    /** 45084 without a speed, 45083 outside 0..4. */
    public static int level(Integer requested) {
        if (requested == null) {
            throw new BusinessException(BroadcastError.SPEED_MISSING);
        }
        if (requested < 0 || requested >= PER_MINUTE.length) {
            throw new BusinessException(BroadcastError.SPEED_OUT_OF_RANGE, "speed is 0 to " + (PER_MINUTE.length - 1));
        }
        return requested;
    }

    /** What {@code speed/get} calls {@code realspeed}: ten-thousands of recipients a minute. */
    public static int realSpeed(int level) {
        return PER_MINUTE[level] / 10_000;
    }

    /** The least time between the starts of two chunks of {@code chunkSize} followers at this level (level 0: none). */
    public static Duration chunkInterval(int level, int chunkSize) {
        if (level == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Duration.ofMinutes(1).toNanos() * chunkSize / PER_MINUTE[level]);
    }
}
