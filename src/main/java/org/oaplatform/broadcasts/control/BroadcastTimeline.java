package org.oaplatform.broadcasts.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A broadcast's deliveries and reads over time, as running totals on one time axis: deliveries by the minute their
 * chunk was done (a fan-out takes minutes), reads by the hour they were counted in (they come over days). A point
 * stands at the end of its minute or hour ("by then"), so that reads never appear before the deliveries they read,
 * and carries both totals, so that a chart draws two lines that never go down.
 */
public final class BroadcastTimeline {

    /** At {@code at}, how many had received and how many had read the broadcast. */
    public record Point(Instant at, long delivered, long read) {
    }

    /** What happened at a time: recipients of a chunk done then, or reads counted in an hour starting then. */
    public record Count(Instant at, long count) {
    }

    private BroadcastTimeline() {
    }

    /**
     * @param chunks the chunks done, by when (any order)
     * @param readHours reads per hour, by the hour's start (any order)
     */
    public static List<Point> of(List<Count> chunks, List<Count> readHours) {
        Map<Instant, long[]> steps = new TreeMap<>();
        for (Count chunk : chunks) {
            steps.computeIfAbsent(chunk.at().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES), at -> new long[2])[0] += chunk.count();
        }
        for (Count hour : readHours) {
            steps.computeIfAbsent(hour.at().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS), at -> new long[2])[1] += hour.count();
        }
        List<Point> points = new ArrayList<>();
        long delivered = 0;
        long read = 0;
        for (Map.Entry<Instant, long[]> step : steps.entrySet()) {
            delivered += step.getValue()[0];
            read += step.getValue()[1];
            points.add(new Point(step.getKey(), delivered, read));
        }
        return points;
    }
}
