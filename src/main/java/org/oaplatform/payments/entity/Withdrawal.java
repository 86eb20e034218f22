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
import java.time.Instant;

/** Money paid out from the wallet to a linked card, with the fee taken on top of the amount. */
@Entity
@Table(name = "withdrawal")
@NamedQuery(name = Withdrawal.BY_PUBLIC_IDS, query = "SELECT w FROM Withdrawal w WHERE w.publicId IN :ids")
@NamedQuery(name = Withdrawal.DUE, query = "SELECT w.id FROM Withdrawal w WHERE w.status = :status"
        + " AND w.requestedAt <= :before ORDER BY w.id")
public class Withdrawal {

    /** Starts every public id of a {@code Withdrawal}: the kind of a reference is readable from it. */
    public static final String ID_PREFIX = "wdr_";

    public static final String BY_PUBLIC_IDS = "Withdrawal.byPublicIds";
    public static final String DUE = "Withdrawal.due";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 20)
    private String publicId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "card_id", nullable = false, updatable = false)
    private long cardId;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, updatable = false)
    private long fee;

    @Column(name = "free_quota_consumed", nullable = false, updatable = false)
    private long freeQuotaConsumed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private WithdrawalStatus status;

    /** Null only inside the transaction that records it: the row is written before the ledger is locked. */
    @Column(name = "posting_id")
    private Long postingId;

    @Column(name = "reversal_posting_id")
    private Long reversalPostingId;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected Withdrawal() {
    }

    public Withdrawal(String publicId, long personId, long cardId, long amount, long fee, long freeQuotaConsumed,
            Instant requestedAt) {
        this.publicId = publicId;
        this.personId = personId;
        this.cardId = cardId;
        this.amount = amount;
        this.fee = fee;
        this.freeQuotaConsumed = freeQuotaConsumed;
        this.requestedAt = requestedAt;
        this.status = WithdrawalStatus.PROCESSING;
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public long personId() {
        return personId;
    }

    public long cardId() {
        return cardId;
    }

    public long amount() {
        return amount;
    }

    public long fee() {
        return fee;
    }

    public long freeQuotaConsumed() {
        return freeQuotaConsumed;
    }

    public WithdrawalStatus status() {
        return status;
    }

    /** The debit, posted after this row was written. */
    public void debitedBy(long postingId) {
        if (this.postingId != null) {
            throw new IllegalStateException("withdrawal " + publicId + " was debited already");
        }
        this.postingId = postingId;
    }

    public long postingId() {
        return postingId;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public boolean isProcessing() {
        return status == WithdrawalStatus.PROCESSING;
    }

    public void succeeded(Instant now) {
        status = WithdrawalStatus.SUCCEEDED;
        settledAt = now;
    }

    public void failed(long reversalPostingId, Instant now) {
        status = WithdrawalStatus.FAILED;
        this.reversalPostingId = reversalPostingId;
        settledAt = now;
    }
}
