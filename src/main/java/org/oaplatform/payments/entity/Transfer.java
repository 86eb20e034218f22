package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Money sent from one person to another, held in escrow until the receiver accepts it or returns it, or until it
 * expires after 24 hours and goes back. Every settlement runs with this row locked and checks {@link #isPending},
 * so accept, return and expiry can race and exactly one of them wins.
 */
@Entity
@Table(name = "transfer")
@NamedQuery(name = Transfer.BY_PUBLIC_ID, query = "SELECT t FROM Transfer t WHERE t.publicId = :publicId")
@NamedQuery(name = Transfer.ID_BY_PUBLIC_ID, query = "SELECT t.id FROM Transfer t WHERE t.publicId = :publicId")
@NamedQuery(name = Transfer.BY_PUBLIC_IDS, query = "SELECT t FROM Transfer t WHERE t.publicId IN :ids")
@NamedQuery(name = Transfer.DUE, query = "SELECT t.id FROM Transfer t WHERE t.status = :status"
        + " AND t.expiresAt <= :now ORDER BY t.expiresAt")
public class Transfer {

    /** Starts every public id of a {@code Transfer}: the kind of a reference is readable from it. */
    public static final String ID_PREFIX = "trf_";

    public static final String BY_PUBLIC_ID = "Transfer.byPublicId";
    public static final String BY_PUBLIC_IDS = "Transfer.byPublicIds";
    public static final String ID_BY_PUBLIC_ID = "Transfer.idByPublicId";
    public static final String DUE = "Transfer.due";
    public static final Duration ACCEPTANCE_WINDOW = Duration.ofHours(24);

    /** From {@code TimeOrderedIds}: assigned before the insert, so nothing is read back. */
    @Id
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 20)
    private String publicId;

    @Column(name = "sender_id", nullable = false, updatable = false)
    private long senderId;

    @Column(name = "receiver_id", nullable = false, updatable = false)
    private long receiverId;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(updatable = false, length = 60)
    private String memo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private TransferStatus status;

    @Column(name = "escrow_account_id", nullable = false, updatable = false)
    private long escrowAccountId;

    /** Null only inside the transaction that sends it: the row is written before the ledger is locked. */
    @Column(name = "send_posting_id")
    private Long sendPostingId;

    @Column(name = "settle_posting_id")
    private Long settlePostingId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected Transfer() {
    }

    public Transfer(long id, String publicId, long senderId, long receiverId, long amount, String memo,
            long escrowAccountId, Instant createdAt) {
        this.id = id;
        this.publicId = publicId;
        this.senderId = senderId;
        this.receiverId = receiverId;
        this.amount = amount;
        this.memo = memo;
        this.escrowAccountId = escrowAccountId;
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(ACCEPTANCE_WINDOW);
        this.status = TransferStatus.PENDING;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public long senderId() {
        return senderId;
    }

    public long receiverId() {
        return receiverId;
    }

    public long amount() {
        return amount;
    }

    public String memo() {
        return memo;
    }

    public TransferStatus status() {
        return status;
    }

    public long escrowAccountId() {
        return escrowAccountId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public boolean isPending() {
        return status == TransferStatus.PENDING;
    }

    /** Past its window, whether or not the expiry has been recorded yet. */
    public boolean hasRunOutAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The posting that moved the amount into escrow, made after this row was written. */
    public void sentBy(long postingId) {
        if (sendPostingId != null) {
            throw new IllegalStateException("transfer " + publicId + " was sent already");
        }
        sendPostingId = postingId;
    }

    public void settle(TransferStatus outcome, long postingId, Instant now) {
        if (!isPending() || outcome == TransferStatus.PENDING) {
            throw new IllegalStateException("transfer " + publicId + " is " + status);
        }
        status = outcome;
        settlePostingId = postingId;
        settledAt = now;
    }
}
