package org.oaplatform.broadcasts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void chunksFollowEachOtherFromTheLastPlannedEnd() {
        ChunkPlan plan = new ChunkPlan();
        assertEquals(0, plan.nextChunkNo());
        assertEquals(0, plan.nextFrom());
        plan.planned(400, NOW);
        plan.planned(900, NOW);
        assertEquals(2, plan.nextChunkNo());
        assertEquals(900, plan.nextFrom());
        assertFalse(plan.fullyPlanned());
    }

    @Test
    void theFanOutIsCompleteOnlyWhenTheLastChunkIsPlannedAndAllPlannedAreDone() {
        ChunkPlan plan = new ChunkPlan();
        plan.planned(400, NOW);
        plan.planned(900, NOW);
        assertFalse(plan.completeWith(2), "more followers may follow the second chunk");
        plan.planned(ChunkPlan.LAST, NOW);
        assertTrue(plan.fullyPlanned());
        assertFalse(plan.completeWith(2), "the last chunk is not done");
        assertTrue(plan.completeWith(3));
        assertThrows(IllegalStateException.class, () -> plan.planned(ChunkPlan.LAST, NOW));
    }

    @Test
    void aCappedSpeedSpacesChunksFromWhenTheOneBeforeWasDueNotFromWhenItEnded() {
        ChunkPlan plan = new ChunkPlan();
        Duration interval = Duration.ofSeconds(6);
        assertEquals(NOW, plan.nextDue(NOW, interval), "the first chunk at once");
        plan.planned(400, NOW);
        assertEquals(NOW.plusSeconds(6), plan.nextDue(NOW, interval));
        plan.planned(900, NOW.plusSeconds(6));
        assertEquals(NOW.plusSeconds(12), plan.nextDue(NOW.plusSeconds(7), interval),
                "planned while the two before run: still six seconds after the second");
        assertEquals(NOW.plusSeconds(30), plan.nextDue(NOW.plusSeconds(30), interval), "never in the past");
        assertEquals(NOW.plusSeconds(7), plan.nextDue(NOW.plusSeconds(7), Duration.ZERO), "uncapped: at once");
    }
}
