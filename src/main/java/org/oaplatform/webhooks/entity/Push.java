package org.oaplatform.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.oaplatform.webhooks.control.DeliverySchedule;

/**
 * One message or event on its way to an account's developer server. Written in the transaction that recorded what
 * happened, with its XML fixed, so that every attempt carries the same MsgId (or, for events, the same FromUserName
 * and CreateTime) and a server can deduplicate. The state machine: {@code PENDING} until an instance {@link #claim}s
 * an attempt ({@code IN_FLIGHT}, leased until {@code leaseUntil}); the attempt ends {@code DELIVERED}, back to
 * {@code PENDING} after a back-off, or {@code FAILED} after {@link DeliverySchedule#MAX_ATTEMPTS}. A lease that ran out
 * means its instance died: the push may be claimed again, and the attempt number fences off a late finish of the
 * lost attempt. Every change happens with the row locked.
 */
@Entity
@Table(name = "webhook_push")
@NamedQuery(name = Push.DUE, query = "SELECT p.id FROM Push p WHERE (p.state = :pending AND p.nextAttemptAt <= :pendingBefore)"
        + " OR (p.state = :inFlight AND p.leaseUntil <= :now) ORDER BY p.id")
public class Push {

    public static final String DUE = "Push.due";

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, updatable = false, length = 28)
    private String openid;

    /** The MsgType, or {@code event:} and the Event: what the delivery log shows. */
    @Column(nullable = false, updatable = false, length = 40)
    private String kind;

    @Column(name = "msg_id", updatable = false)
    private Long msgId;

    @Column(name = "event_time", nullable = false, updatable = false)
    private long eventTime;

    /** How many news articles a passive reply to this push may carry (spec §2.4: one when answering a message). */
    @Column(name = "reply_articles", nullable = false, updatable = false)
    private int replyArticles;

    @Column(name = "plain_xml", nullable = false, updatable = false)
    private String plainXml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private PushState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Push() {
    }

    public Push(long id, long accountId, String openid, String kind, Long msgId, long eventTime, int replyArticles,
            String plainXml, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.openid = openid;
        this.kind = kind;
        this.msgId = msgId;
        this.eventTime = eventTime;
        this.replyArticles = replyArticles;
        this.plainXml = plainXml;
        this.state = PushState.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /**
     * Takes the next attempt for {@code owner} (an instance).
     *
     * @return the attempt's number (1 to {@link DeliverySchedule#MAX_ATTEMPTS}), or 0 when the push is not due: done,
     *     waiting for its back-off, or leased to a live instance
     */
    public int claim(String owner, Instant now) {
        boolean due = state == PushState.PENDING && !nextAttemptAt.isAfter(now)
                || state == PushState.IN_FLIGHT && !leaseUntil.isAfter(now);
        if (!due || attempts >= DeliverySchedule.MAX_ATTEMPTS) {
            return 0;
        }
        attempts++;
        state = PushState.IN_FLIGHT;
        leaseOwner = owner;
        leaseUntil = now.plus(DeliverySchedule.LEASE);
        return attempts;
    }

    /** Whether {@code attempt} is still the push's current one (a lost lease's late finish is not). */
    public boolean isCurrent(int attempt) {
        return state == PushState.IN_FLIGHT && attempts == attempt;
    }

    public void delivered(int attempt) {
        if (isCurrent(attempt)) {
            state = PushState.DELIVERED;
            lastError = null;
            release();
        }
    }

    /** The attempt failed: another one after the back-off, or none when that was the last. */
    public void attemptFailed(int attempt, String error, Instant now) {
        if (!isCurrent(attempt)) {
            return;
        }
        lastError = abbreviated(error);
        release();
        if (attempts >= DeliverySchedule.MAX_ATTEMPTS) {
            state = PushState.FAILED;
        } else {
            state = PushState.PENDING;
            nextAttemptAt = now.plus(DeliverySchedule.backOff(attempts));
        }
    }

    /** Ends a push that cannot be delivered at all (the server was switched off or removed meanwhile). */
    public void abandon(String reason) {
        if (state == PushState.PENDING || state == PushState.IN_FLIGHT) {
            state = PushState.FAILED;
            lastError = abbreviated(reason);
            release();
        }
    }

    /**
     * A lease that ran out on the last attempt: the instance died with it, and whether the server got it is unknown.
     * No more attempts, as WeChat's; the operator can replay it.
     *
     * @return whether the push was given up now
     */
    public boolean giveUpIfLastLeaseLost(Instant now) {
        if (state == PushState.IN_FLIGHT && !leaseUntil.isAfter(now) && attempts >= DeliverySchedule.MAX_ATTEMPTS) {
            abandon("the instance delivering the last attempt stopped; replay to send it again");
            return true;
        }
        return false;
    }

    /** An operator asks for the push again: a fresh set of attempts, the same XML and MsgId. */
    public boolean replay(Instant now) {
        if (state == PushState.IN_FLIGHT && leaseUntil.isAfter(now)) {
            return false;
        }
        state = PushState.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        release();
        return true;
    }

    private void release() {
        leaseOwner = null;
        leaseUntil = null;
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String openid() {
        return openid;
    }

    public String kind() {
        return kind;
    }

    public Long msgId() {
        return msgId;
    }

    public long eventTime() {
        return eventTime;
    }

    public int replyArticles() {
        return replyArticles;
    }

    public String plainXml() {
        return plainXml;
    }

    public PushState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public String lastError() {
        return lastError;
    }
}
