package org.oaplatform.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A red packet: its whole amount leaves the sender's wallet into escrow when it is sent, shares are handed out as
 * people open it, and what nobody claimed within 24 hours goes back. Claims and the refund run with this row locked,
 * so the remaining amount and shares are exact under any concurrency.
 */
@Entity
@Table(name = "red_packet")
@NamedQuery(name = RedPacket.BY_PUBLIC_ID, query = "SELECT p FROM RedPacket p WHERE p.publicId = :publicId")
@NamedQuery(name = RedPacket.ID_BY_PUBLIC_ID, query = "SELECT p.id FROM RedPacket p WHERE p.publicId = :publicId")
@NamedQuery(name = RedPacket.BY_PUBLIC_IDS, query = "SELECT p FROM RedPacket p WHERE p.publicId IN :ids")
@NamedQuery(name = RedPacket.DUE, query = "SELECT p.id FROM RedPacket p WHERE p.status = :status"
        + " AND p.expiresAt <= :now ORDER BY p.expiresAt")
public class RedPacket {

    /** Starts every public id of a {@code RedPacket}: the kind of a reference is readable from it. */
    public static final String ID_PREFIX = "rpk_";

    public static final String BY_PUBLIC_ID = "RedPacket.byPublicId";
    public static final String BY_PUBLIC_IDS = "RedPacket.byPublicIds";
    public static final String ID_BY_PUBLIC_ID = "RedPacket.idByPublicId";
    public static final String DUE = "RedPacket.due";
    public static final Duration CLAIM_WINDOW = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 20)
    private String publicId;

    @Column(name = "sender_id", nullable = false, updatable = false)
    private long senderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 12)
    private RedPacketKind kind;

    @Column(name = "recipient_id", updatable = false)
    private Long recipientId;

    @Column(nullable = false, updatable = false, length = 60)
    private String greeting;

    @Column(name = "total_amount", nullable = false, updatable = false)
    private long totalAmount;

    @Column(nullable = false, updatable = false)
    private int shares;

    @Column(name = "remaining_amount", nullable = false)
    private long remainingAmount;

    @Column(name = "remaining_shares", nullable = false)
    private int remainingShares;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RedPacketStatus status;

    @Column(name = "escrow_account_id", nullable = false, updatable = false)
    private long escrowAccountId;

    /** Null only inside the transaction that sends it: the row is written before the ledger is locked. */
    @Column(name = "send_posting_id")
    private Long sendPostingId;

    @Column(name = "refund_posting_id")
    private Long refundPostingId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected RedPacket() {
    }

    public RedPacket(String publicId, long senderId, RedPacketKind kind, Long recipientId, String greeting,
            long totalAmount, int shares, long escrowAccountId, Instant createdAt) {
        this.publicId = publicId;
        this.senderId = senderId;
        this.kind = kind;
        this.recipientId = recipientId;
        this.greeting = greeting;
        this.totalAmount = totalAmount;
        this.shares = shares;
        this.remainingAmount = totalAmount;
        this.remainingShares = shares;
        this.escrowAccountId = escrowAccountId;
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(CLAIM_WINDOW);
        this.status = RedPacketStatus.ACTIVE;
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

    public RedPacketKind kind() {
        return kind;
    }

    public Long recipientId() {
        return recipientId;
    }

    public String greeting() {
        return greeting;
    }

    public long totalAmount() {
        return totalAmount;
    }

    public int shares() {
        return shares;
    }

    public long remainingAmount() {
        return remainingAmount;
    }

    public int remainingShares() {
        return remainingShares;
    }

    public int claimedShares() {
        return shares - remainingShares;
    }

    public RedPacketStatus status() {
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

    public Instant finishedAt() {
        return finishedAt;
    }

    public boolean isActive() {
        return status == RedPacketStatus.ACTIVE;
    }

    public boolean hasRunOutAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Sequence number of the next share to hand out; shares go in the order they were drawn. */
    public int nextShareSeq() {
        return claimedShares() + 1;
    }

    /** @return whether that was the last share */
    public boolean handOut(long amount, Instant now) {
        if (!isActive() || remainingShares == 0 || amount > remainingAmount) {
            throw new IllegalStateException("red packet " + publicId + " cannot hand out " + amount);
        }
        remainingAmount -= amount;
        remainingShares--;
        if (remainingShares == 0) {
            status = RedPacketStatus.FINISHED;
            finishedAt = now;
            return true;
        }
        return false;
    }

    /** The posting that moved the amount into escrow, made after this row was written. */
    public void sentBy(long postingId) {
        if (sendPostingId != null) {
            throw new IllegalStateException("red packet " + publicId + " was sent already");
        }
        sendPostingId = postingId;
    }

    public void refunded(long postingId, Instant now) {
        if (!isActive()) {
            throw new IllegalStateException("red packet " + publicId + " is " + status);
        }
        status = RedPacketStatus.EXPIRED;
        refundPostingId = postingId;
        remainingAmount = 0;
        finishedAt = now;
    }
}
