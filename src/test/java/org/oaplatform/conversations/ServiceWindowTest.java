package org.oaplatform.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oaplatform.conversations.control.ServiceWindow;
import org.oaplatform.conversations.control.ServiceWindow.State;
import org.oaplatform.conversations.control.ServiceWindow.Trigger;

/** Spec §4.2 as of the 2023 rules: what a follower's interaction allows the account to send, and until when. */
class ServiceWindowTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void nothingHappenedMeansClosed() {
        ServiceWindow none = ServiceWindow.NONE;
        assertEquals(State.CLOSED, none.stateAt(T0));
        assertEquals(0, none.leftAt(T0));
    }

    @Test
    void aMessageOpensFiveForFortyEightHours() {
        ServiceWindow w = ServiceWindow.NONE.opened(Trigger.MESSAGE, T0);
        assertEquals(State.OPEN, w.stateAt(T0));
        assertEquals(5, w.leftAt(T0));
        assertEquals(T0.plus(Duration.ofHours(48)), w.closesAt(T0).orElseThrow());
        Instant lastMoment = T0.plus(Duration.ofHours(48)).minusMillis(1);
        assertEquals(State.OPEN, w.stateAt(lastMoment));
        assertEquals(State.CLOSED, w.stateAt(T0.plus(Duration.ofHours(48))), "48 h after the message it is closed");
    }

    @Test
    void fiveSendsSpendIt() {
        ServiceWindow w = ServiceWindow.NONE.opened(Trigger.MESSAGE, T0);
        for (int i = 0; i < 5; i++) {
            w = w.afterSendingAt(T0.plusSeconds(i));
        }
        assertEquals(State.SPENT, w.stateAt(T0.plusSeconds(10)));
        assertEquals(0, w.leftAt(T0.plusSeconds(10)));
        ServiceWindow spent = w;
        assertThrows(IllegalStateException.class, () -> spent.afterSendingAt(T0.plusSeconds(11)));
    }

    @Test
    void followScanAndCountingClicksOpenThreeForOneMinute() {
        for (Trigger trigger : new Trigger[] {Trigger.FOLLOW, Trigger.QR_SCAN, Trigger.MENU_CLICK}) {
            ServiceWindow w = ServiceWindow.NONE.opened(trigger, T0);
            assertEquals(3, w.leftAt(T0), trigger.name());
            assertEquals(State.OPEN, w.stateAt(T0.plusSeconds(59)), trigger.name());
            assertEquals(State.CLOSED, w.stateAt(T0.plusSeconds(60)), trigger.name());
        }
    }

    @Test
    void aNewTriggerResetsTheAllowanceInsteadOfAddingToIt() {
        ServiceWindow w = ServiceWindow.NONE.opened(Trigger.MESSAGE, T0);
        w = w.afterSendingAt(T0.plusSeconds(1)).afterSendingAt(T0.plusSeconds(2)).afterSendingAt(T0.plusSeconds(3));
        assertEquals(2, w.leftAt(T0.plusSeconds(4)));
        Instant later = T0.plus(Duration.ofHours(30));
        w = w.opened(Trigger.MESSAGE, later);
        assertEquals(5, w.leftAt(later), "reset to the maximum, not 2 + 5");
        assertEquals(later.plus(Duration.ofHours(48)), w.closesAt(later).orElseThrow(), "and 48 h from the new message");
    }

    @Test
    void aClickDuringAMessageWindowDoesNotAddUpNorShortenIt() {
        ServiceWindow w = ServiceWindow.NONE.opened(Trigger.MESSAGE, T0);
        w = w.afterSendingAt(T0.plusSeconds(1)).afterSendingAt(T0.plusSeconds(2)).afterSendingAt(T0.plusSeconds(3));
        Instant click = T0.plusSeconds(100);
        w = w.opened(Trigger.MENU_CLICK, click);
        assertEquals(3, w.leftAt(click), "the larger of 2 left and 3 new, not 5");
        w = w.afterSendingAt(click.plusSeconds(1)).afterSendingAt(click.plusSeconds(2));
        assertEquals(1, w.leftAt(click.plusSeconds(3)), "a send counts against every open allowance");
        Instant afterTheMinute = click.plusSeconds(61);
        assertEquals(State.SPENT, w.stateAt(afterTheMinute), "the message window spent its 5 meanwhile");
        assertEquals(0, w.leftAt(afterTheMinute));
    }

    @Test
    void aMessageWindowOutlivesAClickWindow() {
        ServiceWindow w = ServiceWindow.NONE.opened(Trigger.MESSAGE, T0).opened(Trigger.FOLLOW, T0.plusSeconds(5));
        w = w.afterSendingAt(T0.plusSeconds(6));
        Instant later = T0.plus(Duration.ofHours(1));
        assertEquals(State.OPEN, w.stateAt(later));
        assertEquals(4, w.leftAt(later));
        assertEquals(T0.plus(Duration.ofHours(48)), w.closesAt(later).orElseThrow());
    }

    @Test
    void aSpentClickWindowIsSpentUntilItsMinuteEndsThenClosed() {
        ServiceWindow w = ServiceWindow.NONE.opened(Trigger.QR_SCAN, T0);
        w = w.afterSendingAt(T0).afterSendingAt(T0).afterSendingAt(T0);
        assertEquals(State.SPENT, w.stateAt(T0.plusSeconds(30)));
        assertEquals(State.CLOSED, w.stateAt(T0.plusSeconds(60)));
    }

    @Test
    void sendingOutsideTheWindowIsRefused() {
        ServiceWindow w = ServiceWindow.NONE.opened(Trigger.FOLLOW, T0);
        assertThrows(IllegalStateException.class, () -> w.afterSendingAt(T0.plusSeconds(60)));
    }

    @Test
    void aTriggerInThePastOfTheLastOneDoesNotReopen() {
        // Events may be recorded out of order (two instances); an older trigger never replaces a newer window.
        ServiceWindow w = ServiceWindow.NONE.opened(Trigger.MESSAGE, T0.plusSeconds(100));
        w = w.afterSendingAt(T0.plusSeconds(101));
        w = w.opened(Trigger.MESSAGE, T0);
        assertEquals(4, w.leftAt(T0.plusSeconds(102)));
        assertEquals(T0.plusSeconds(100).plus(Duration.ofHours(48)), w.closesAt(T0.plusSeconds(102)).orElseThrow());
    }
}
