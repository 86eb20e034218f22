package org.oaplatform.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt to deliver a payment notification, kept for the merchant's and the operator's eyes. */
@Entity
@Table(name = "pay_notification_attempt")
public class NotificationAttempt {

    @Id
    private Long id;

    @Column(name = "notification_id", nullable = false, updatable = false)
    private long notificationId;

    @Column(nullable = false, updatable = false)
    private int attempt;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    @Column(nullable = false, updatable = false)
    private boolean delivered;

    @Column(name = "latency_ms", nullable = false, updatable = false)
    private long latencyMs;

    @Column(updatable = false, length = 500)
    private String error;

    @Column(updatable = false, length = 4096)
    private String reply;

    protected NotificationAttempt() {
    }

    public NotificationAttempt(long id, long notificationId, int attempt, Instant attemptedAt, boolean delivered,
            long latencyMs, String error, String reply) {
        this.id = id;
        this.notificationId = notificationId;
        this.attempt = attempt;
        this.attemptedAt = attemptedAt;
        this.delivered = delivered;
        this.latencyMs = latencyMs;
        this.error = error == null ? null : error.substring(0, Math.min(500, error.length()));
        this.reply = reply == null ? null : reply.substring(0, Math.min(4096, reply.length()));
    }

    public int attempt() {
        return attempt;
    }

    public boolean delivered() {
        return delivered;
    }

    public String error() {
        return error;
    }
}
