package org.oaplatform.conversations.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an account may still send to one follower through the customer-service API, and until when (spec §4.2, the
 * rules since 2023): a message from the follower allows 5 messages within 48 hours; a follow, a QR scan or a counting
 * menu click allows 3 within a minute. A new trigger resets its allowance to the maximum; allowances never add up.
 * <p>
 * Two allowances are kept, the message one and the short one, because a click must neither add 3 to the message
 * window nor cut its 48 hours short: a send is allowed while either has messages left and counts against every open
 * one, so while both are open the account can send the larger of the two, not their sum. Immutable; the conversation
 * stores the four values.
 */
public record ServiceWindow(Allowance message, Allowance interaction) {

    public static final ServiceWindow NONE = new ServiceWindow(Allowance.NONE, Allowance.NONE);

    /** What the follower did. Only the menu clicks WeChat counts (click, scancode_push, scancode_waitmsg) are MENU_CLICK. */
    public enum Trigger {
        MESSAGE(5, Duration.ofHours(48)),
        MENU_CLICK(3, Duration.ofMinutes(1)),
        FOLLOW(3, Duration.ofMinutes(1)),
        QR_SCAN(3, Duration.ofMinutes(1));

        private final int messages;
        private final Duration validity;

        Trigger(int messages, Duration validity) {
            this.messages = messages;
            this.validity = validity;
        }
    }

    /** OPEN: may send now. SPENT: within the time, nothing left (WeChat's 45047). CLOSED: out of time (45015). */
    public enum State {
        OPEN, SPENT, CLOSED
    }

    /** One trigger's allowance: when it was opened, until when (exclusive) and how many messages are left. */
    public record Allowance(Instant openedAt, Instant until, int left) {

        static final Allowance NONE = new Allowance(Instant.EPOCH, Instant.EPOCH, 0);

        boolean isOpenAt(Instant now) {
            return now.isBefore(until);
        }

        boolean canSendAt(Instant now) {
            return isOpenAt(now) && left > 0;
        }

        Allowance afterSendingAt(Instant now) {
            return canSendAt(now) ? new Allowance(openedAt, until, left - 1) : this;
        }
    }

    /**
     * The window after {@code trigger} happened at {@code at}. A trigger older than the allowance it would reset (events
     * recorded out of order) changes nothing.
     */
    public ServiceWindow opened(Trigger trigger, Instant at) {
        Allowance current = trigger == Trigger.MESSAGE ? message : interaction;
        if (at.isBefore(current.openedAt())) {
            return this;
        }
        Allowance fresh = new Allowance(at, at.plus(trigger.validity), trigger.messages);
        return trigger == Trigger.MESSAGE ? new ServiceWindow(fresh, interaction) : new ServiceWindow(message, fresh);
    }

    public State stateAt(Instant now) {
        if (allowances().anyMatch(a -> a.canSendAt(now))) {
            return State.OPEN;
        }
        return allowances().anyMatch(a -> a.isOpenAt(now)) ? State.SPENT : State.CLOSED;
    }

    /** How many messages the account may still send now. */
    public int leftAt(Instant now) {
        return allowances().filter(a -> a.canSendAt(now)).mapToInt(Allowance::left).max().orElse(0);
    }

    /** Until when (exclusive) the account may send, if it may send now. */
    public Optional<Instant> closesAt(Instant now) {
        return allowances().filter(a -> a.canSendAt(now)).map(Allowance::until).max(Instant::compareTo);
    }

    /** The window after one message sent at {@code now}; the caller checks {@link #stateAt} first. */
    public ServiceWindow afterSendingAt(Instant now) {
        if (stateAt(now) != State.OPEN) {
            throw new IllegalStateException("nothing may be sent at " + now + ": " + stateAt(now));
        }
        return new ServiceWindow(message.afterSendingAt(now), interaction.afterSendingAt(now));
    }

    private Stream<Allowance> allowances() {
        return Stream.of(message, interaction);
    }
}
