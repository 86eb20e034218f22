package org.oaplatform.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The stored service window of one conversation (spec §4.2): the two allowances of
 * {@code conversations.control.ServiceWindow}, kept per follower row because a send locks that row first and so
 * counts one message at a time, and the typing state of spec §4.3. The row is made by the first trigger; a follower
 * without one has never opened a window.
 */
@Entity
@Table(name = "service_window")
@NamedQuery(name = ConversationWindow.OF_FOLLOWERS,
        query = "SELECT w FROM ConversationWindow w WHERE w.followerId IN :followerIds")
public class ConversationWindow {

    public static final String OF_FOLLOWERS = "ConversationWindow.ofFollowers";

    @Id
    @Column(name = "follower_id")
    private Long followerId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "message_opened_at", nullable = false)
    private Instant messageOpenedAt;

    @Column(name = "message_until", nullable = false)
    private Instant messageUntil;

    @Column(name = "message_left", nullable = false)
    private int messageLeft;

    @Column(name = "interaction_opened_at", nullable = false)
    private Instant interactionOpenedAt;

    @Column(name = "interaction_until", nullable = false)
    private Instant interactionUntil;

    @Column(name = "interaction_left", nullable = false)
    private int interactionLeft;

    @Column(name = "last_exchange_at")
    private Instant lastExchangeAt;

    @Column(name = "typing_until")
    private Instant typingUntil;

    protected ConversationWindow() {
    }

    public long followerId() {
        return followerId;
    }

    public long accountId() {
        return accountId;
    }

    public Instant messageOpenedAt() {
        return messageOpenedAt;
    }

    public Instant messageUntil() {
        return messageUntil;
    }

    public int messageLeft() {
        return messageLeft;
    }

    public Instant interactionOpenedAt() {
        return interactionOpenedAt;
    }

    public Instant interactionUntil() {
        return interactionUntil;
    }

    public int interactionLeft() {
        return interactionLeft;
    }

    public Instant lastExchangeAt() {
        return lastExchangeAt;
    }

    /** Whether a Typing command is in force at {@code now}. */
    public boolean typingAt(Instant now) {
        return typingUntil != null && now.isBefore(typingUntil);
    }

    public void allowances(Instant messageOpenedAt, Instant messageUntil, int messageLeft,
            Instant interactionOpenedAt, Instant interactionUntil, int interactionLeft) {
        this.messageOpenedAt = messageOpenedAt;
        this.messageUntil = messageUntil;
        this.messageLeft = messageLeft;
        this.interactionOpenedAt = interactionOpenedAt;
        this.interactionUntil = interactionUntil;
        this.interactionLeft = interactionLeft;
    }

    /** A message went either way: typing may follow for 30 s; a message of the account ends its typing. */
    public void exchanged(Instant at, boolean byAccount) {
        if (lastExchangeAt == null || at.isAfter(lastExchangeAt)) {
            lastExchangeAt = at;
        }
        if (byAccount) {
            typingUntil = null;
        }
    }

    public void typing(Instant until) {
        typingUntil = until;
    }
}
