package org.oaplatform.broadcasts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oaplatform.broadcasts.control.BroadcastTimeline.Count;
import org.oaplatform.broadcasts.control.BroadcastTimeline.Point;

class BroadcastReportingTest {

    @Test
    void chunksAreEstimatedFromTheTargetsWhileSendingAndCountedWhenFinished() {
        // 9 targets in chunks of 4: ends after the 4th and the 8th, the third finds one left
        assertEquals(3, BroadcastProgress.sending(0, 1, 9, 4).total());
        assertEquals(33, BroadcastProgress.sending(1, 1, 9, 4).percent());
        // 8 targets: the third chunk finds none left and finishes
        assertEquals(3, BroadcastProgress.sending(0, 1, 8, 4).total());
        // more followers came meanwhile than the estimate knew: never 100 % while sending
        BroadcastProgress overrun = BroadcastProgress.sending(3, 1, 8, 4);
        assertEquals(4, overrun.total());
        assertEquals(75, overrun.percent());
        assertEquals(99, BroadcastProgress.sending(99, 0, 0, 4).percent());
        assertEquals(100, BroadcastProgress.finished(3).percent());
        assertEquals(100, BroadcastProgress.finished(0).percent(), "a broadcast that finished at once");
    }

    @Test
    void deliveriesAndReadsAreRunningTotalsAtTheEndOfTheirMinuteAndHour() {
        List<Point> points = BroadcastTimeline.of(
                List.of(new Count(Instant.parse("2026-12-03T09:12:40Z"), 4),
                        new Count(Instant.parse("2026-12-03T09:12:05Z"), 4),
                        new Count(Instant.parse("2026-12-03T09:14:00Z"), 1)),
                List.of(new Count(Instant.parse("2026-12-03T10:00:00Z"), 2),
                        new Count(Instant.parse("2026-12-03T09:00:00Z"), 3)));
        assertEquals(List.of(
                new Point(Instant.parse("2026-12-03T09:13:00Z"), 8, 0),
                new Point(Instant.parse("2026-12-03T09:15:00Z"), 9, 0),
                new Point(Instant.parse("2026-12-03T10:00:00Z"), 9, 3),
                new Point(Instant.parse("2026-12-03T11:00:00Z"), 9, 5)), points);
        assertEquals(List.of(), BroadcastTimeline.of(List.of(), List.of()));
    }
}
