package org.oaplatform.webhooks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oaplatform.webhooks.control.DeliverySchedule;

/** The delivery state machine: attempts, back-off, leases, fencing of a lost attempt, replay. */
class PushTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static Push push() {
        return new Push(1L, 7L, "oOpenid", "text", 42L, T0.getEpochSecond(), 1, "<xml/>", T0);
    }

    @Test
    void aNewPushIsDueAtOnceAndAClaimLeasesIt() {
        Push push = push();
        assertEquals(1, push.claim("a", T0));
        assertEquals(PushState.IN_FLIGHT, push.state());
        assertEquals(T0.plus(DeliverySchedule.LEASE), push.leaseUntil());
        assertEquals(0, push.claim("b", T0.plusSeconds(1)), "leased to a live instance");
    }

    @Test
    void aDeliveredPushIsDoneAndCannotBeClaimedAgain() {
        Push push = push();
        int attempt = push.claim("a", T0);
        push.delivered(attempt);
        assertEquals(PushState.DELIVERED, push.state());
        assertNull(push.leaseOwner());
        assertEquals(0, push.claim("a", T0.plus(Duration.ofHours(1))));
    }

    @Test
    void failedAttemptsBackOffThenTheThirdFailureIsFinal() {
        Push push = push();
        Instant now = T0;
        push.attemptFailed(push.claim("a", now), "timeout", now);
        assertEquals(PushState.PENDING, push.state());
        assertEquals(now.plusSeconds(1), push.nextAttemptAt());
        assertEquals(0, push.claim("a", now.plusMillis(999)), "not before the back-off is over");

        now = now.plusSeconds(1);
        assertEquals(2, push.claim("a", now));
        push.attemptFailed(2, "timeout", now);
        assertEquals(now.plusSeconds(2), push.nextAttemptAt());

        now = now.plusSeconds(2);
        assertEquals(3, push.claim("a", now));
        push.attemptFailed(3, "refused", now);
        assertEquals(PushState.FAILED, push.state());
        assertEquals("refused", push.lastError());
        assertEquals(0, push.claim("a", now.plus(Duration.ofDays(1))));
    }

    @Test
    void aLeaseThatRanOutMayBeTakenOverAndTheLostAttemptsLateFinishChangesNothing() {
        Push push = push();
        int lost = push.claim("dead", T0);
        Instant later = T0.plus(DeliverySchedule.LEASE);
        int taken = push.claim("alive", later);
        assertEquals(2, taken);
        assertEquals("alive", push.leaseOwner());

        push.delivered(lost);
        assertEquals(PushState.IN_FLIGHT, push.state(), "the lost attempt is fenced off");
        push.attemptFailed(lost, "late", later);
        assertEquals(PushState.IN_FLIGHT, push.state());

        push.delivered(taken);
        assertEquals(PushState.DELIVERED, push.state());
    }

    @Test
    void aLostLastAttemptGivesUpInsteadOfTryingAFourthTime() {
        Push push = push();
        Instant now = T0;
        for (int attempt = 1; attempt < DeliverySchedule.MAX_ATTEMPTS; attempt++) {
            push.attemptFailed(push.claim("a", now), "timeout", now);
            now = push.nextAttemptAt();
        }
        assertEquals(3, push.claim("dead", now));
        assertFalse(push.giveUpIfLastLeaseLost(now.plusSeconds(1)), "the lease is still running");
        Instant expired = now.plus(DeliverySchedule.LEASE);
        assertEquals(0, push.claim("alive", expired));
        assertTrue(push.giveUpIfLastLeaseLost(expired));
        assertEquals(PushState.FAILED, push.state());
    }

    @Test
    void aReplayStartsAFreshSetOfAttemptsButNotWhileOneIsOnItsWay() {
        Push push = push();
        int attempt = push.claim("a", T0);
        assertFalse(push.replay(T0.plusSeconds(1)));
        push.delivered(attempt);
        assertTrue(push.replay(T0.plusSeconds(2)));
        assertEquals(PushState.PENDING, push.state());
        assertEquals(0, push.attempts());
        assertEquals(1, push.claim("a", T0.plusSeconds(2)));
    }

    @Test
    void anAbandonedPushIsFailedWithItsReason() {
        Push push = push();
        push.abandon("server disabled");
        assertEquals(PushState.FAILED, push.state());
        assertEquals("server disabled", push.lastError());
        assertEquals(0, push.claim("a", T0));
    }
}
