package org.oaplatform.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.oaplatform.merchants.control.NotifySchedule;

/**
 * The notification of one paid order (seq 0) or of one of its refunds (the refund's seq, 1 to 50), and where its
 * delivery stands. An attempt is claimed under this row's
 * lock (IN_FLIGHT with a lease and its number), made with no transaction open, and recorded under the lock again;
 * only the attempt whose number is current may move the state on, so racing instances never deliver one attempt twice.
 */
@Entity
@Table(name = "pay_notification")
@NamedQuery(name = PayNotification.DUE, query = "SELECT n.id FROM PayNotification n"
        + " WHERE n.state = :pending AND n.nextAttemptAt <= :now"
        + " OR n.state = :inFlight AND n.leaseUntil <= :now ORDER BY n.nextAttemptAt")
@NamedQuery(name = PayNotification.OF_ORDER, query = "SELECT n FROM PayNotification n WHERE n.orderId = :orderId"
        + " AND n.seq = 0")
@NamedQuery(name = PayNotification.OF_MERCHANT, query = "SELECT n FROM PayNotification n, MerchantOrder o"
        + " WHERE o.id = n.orderId AND o.merchantId = :merchantId AND n.id < :before ORDER BY n.id DESC")
@NamedQuery(name = PayNotification.OF_REFUND, query = "SELECT n FROM PayNotification n WHERE n.refundId = :refundId")
public class PayNotification {

    public static final String DUE = "PayNotification.due";
    public static final String OF_ORDER = "PayNotification.ofOrder";
    public static final String OF_REFUND = "PayNotification.ofRefund";
    public static final String OF_MERCHANT = "PayNotification.ofMerchant";

    public enum State {
        PENDING, IN_FLIGHT, DELIVERED, GAVE_UP
    }

    @Id
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(name = "refund_id", updatable = false)
    private Long refundId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected PayNotification() {
    }

    /** The notification of an order's payment. */
    public PayNotification(long id, long orderId, Instant now) {
        this(id, orderId, 0, null, now);
    }

    /** The notification of the order's refund with this seq and id. */
    public PayNotification(long id, long orderId, int seq, Long refundId, Instant now) {
        if ((seq == 0) != (refundId == null)) {
            throw new IllegalArgumentException("seq 0 is the payment's notification, any other a refund's");
        }
        this.id = id;
        this.orderId = orderId;
        this.seq = seq;
        this.refundId = refundId;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** @return the number of the attempt this caller now owns, or 0 when it is not due */
    public int claim(Instant now) {
        boolean due = state == State.PENDING && !nextAttemptAt.isAfter(now)
                || state == State.IN_FLIGHT && !leaseUntil.isAfter(now);
        if (!due) {
            return 0;
        }
        attempts++;
        state = State.IN_FLIGHT;
        leaseUntil = now.plus(NotifySchedule.LEASE);
        return attempts;
    }

    public boolean isCurrent(int attempt) {
        return state == State.IN_FLIGHT && attempts == attempt;
    }

    public void delivered(Instant now) {
        state = State.DELIVERED;
        deliveredAt = now;
        leaseUntil = null;
        lastError = null;
    }

    /**
     * Due again now, at the merchant's request: a delivered or abandoned notification starts a new round of WeChat's
     * schedule; one in flight is left to its attempt.
     *
     * @return whether it is now due
     */
    public boolean replay(Instant now) {
        if (state == State.IN_FLIGHT) {
            return false;
        }
        if (state != State.PENDING) {
            attempts = 0;
        }
        state = State.PENDING;
        nextAttemptAt = now;
        deliveredAt = null;
        return true;
    }

    public void failed(String error, Instant now) {
        lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
        leaseUntil = null;
        var pause = NotifySchedule.pauseAfter(attempts);
        if (pause.isEmpty()) {
            state = State.GAVE_UP;
            return;
        }
        state = State.PENDING;
        nextAttemptAt = now.plus(pause.get());
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    /** The refund this notification tells of; empty for a payment's. */
    public Optional<Long> refundId() {
        return Optional.ofNullable(refundId);
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public int seq() {
        return seq;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

}
