package org.oaplatform.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One attempt of one push, as the account's operators read it in the delivery log: when, what, how it ended, how long
 * it took, and the request and reply with the secrets masked (signatures and nonces in the URL; the token and key are
 * never part of a request). The request body is the push's plain XML, also in the encrypted modes: what the operator
 * wants to read. Written once, never changed.
 */
@Entity
@Table(name = "webhook_attempt")
@NamedQuery(name = DeliveryAttempt.BY_PUBLIC_ID,
        query = "SELECT a FROM DeliveryAttempt a WHERE a.publicId = :publicId AND a.accountId = :accountId")
@NamedQuery(name = DeliveryAttempt.PAGE, query = "SELECT a FROM DeliveryAttempt a WHERE a.accountId = :accountId"
        + " AND a.id < :beforeId ORDER BY a.id DESC")
@NamedQuery(name = DeliveryAttempt.OF_PUSH, query = "SELECT a FROM DeliveryAttempt a WHERE a.pushId = :pushId"
        + " ORDER BY a.id")
public class DeliveryAttempt {

    public static final String ID_PREFIX = "dlv_";
    public static final String BY_PUBLIC_ID = "DeliveryAttempt.byPublicId";
    public static final String PAGE = "DeliveryAttempt.page";
    public static final String OF_PUSH = "DeliveryAttempt.ofPush";

    /** How an attempt ended. */
    public enum Outcome {
        /** The server answered; no reply, or a reply that was handed to the conversation. */
        DELIVERED,
        /** The server answered 2xx with something that is not a valid reply: delivered, but the reply is dropped. */
        REPLY_REFUSED,
        /** No valid answer (unreachable, timeout, redirect, error status, too large): tried again if attempts remain. */
        FAILED
    }

    @Id
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 20)
    private String publicId;

    @Column(name = "push_id", nullable = false, updatable = false)
    private long pushId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, updatable = false)
    private int attempt;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    @Column(nullable = false, updatable = false, length = 40)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Outcome outcome;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(name = "latency_ms", nullable = false, updatable = false)
    private long latencyMs;

    @Column(updatable = false, length = 500)
    private String error;

    @Column(name = "request_url", nullable = false, updatable = false, length = 1500)
    private String requestUrl;

    @Column(name = "request_body", nullable = false, updatable = false)
    private String requestBody;

    @Column(name = "reply_body", updatable = false)
    private String replyBody;

    protected DeliveryAttempt() {
    }

    public DeliveryAttempt(long id, String publicId, Push push, int attempt, Instant attemptedAt, Outcome outcome,
            Integer httpStatus, long latencyMs, String error, String requestUrl, String replyBody) {
        this.id = id;
        this.publicId = publicId;
        this.pushId = push.id();
        this.accountId = push.accountId();
        this.attempt = attempt;
        this.attemptedAt = attemptedAt;
        this.kind = push.kind();
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.latencyMs = latencyMs;
        this.error = error == null || error.length() <= 500 ? error : error.substring(0, 499) + "…";
        this.requestUrl = requestUrl.length() <= 1500 ? requestUrl : requestUrl.substring(0, 1499) + "…";
        this.requestBody = push.plainXml();
        this.replyBody = replyBody;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public long pushId() {
        return pushId;
    }

    public int attempt() {
        return attempt;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public String kind() {
        return kind;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public String error() {
        return error;
    }

    public String requestUrl() {
        return requestUrl;
    }

    public String requestBody() {
        return requestBody;
    }

    public String replyBody() {
        return replyBody;
    }
}
