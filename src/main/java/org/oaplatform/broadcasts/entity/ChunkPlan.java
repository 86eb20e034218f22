package org.oaplatform.broadcasts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a broadcast's chunks are planned: a chunk is a range of follower ids fixed when it is planned, and the plan
 * runs a chunk or two ahead of the fan-out so that chunks run side by side. Changed only under the broadcast's row lock.
 */
@Embeddable
public class ChunkPlan {

    /** Past the highest follower id: the last chunk's upper end. */
    public static final long LAST = Long.MAX_VALUE;

    @Column(name = "planned_chunks", nullable = false)
    private int plannedChunks;

    @Column(name = "planned_through", nullable = false)
    private long plannedThrough;

    @Column(name = "fully_planned", nullable = false)
    private boolean fullyPlanned;

    @Column(name = "last_chunk_due")
    private Instant lastChunkDue;

    /** The number the next chunk gets. */
    public int nextChunkNo() {
        return plannedChunks;
    }

    /** The next chunk takes the followers after this id. */
    public long nextFrom() {
        return plannedThrough;
    }

    public boolean fullyPlanned() {
        return fullyPlanned;
    }

    /** Chunks start at least {@code interval} apart, counted from when the one before was due, never in the past. */
    public Instant nextDue(Instant now, Duration interval) {
        if (lastChunkDue == null) {
            return now;
        }
        Instant spaced = lastChunkDue.plus(interval);
        return spaced.isAfter(now) ? spaced : now;
    }

    /** The next chunk ends at {@code through}, inclusive; {@link #LAST} when it takes every follower left. */
    public void planned(long through, Instant due) {
        if (fullyPlanned) {
            throw new IllegalStateException("every chunk of the broadcast is planned");
        }
        plannedChunks++;
        plannedThrough = through;
        fullyPlanned = through == LAST;
        lastChunkDue = due;
    }

    /** The fan-out is over when the last chunk is planned and as many are done as were planned. */
    public boolean completeWith(int chunksDone) {
        return fullyPlanned && chunksDone >= plannedChunks;
    }

    public int plannedChunks() {
        return plannedChunks;
    }
}
