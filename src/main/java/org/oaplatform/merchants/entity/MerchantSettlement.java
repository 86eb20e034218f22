package org.oaplatform.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One merchant's settlement of one Beijing business day: the merchant account's balance taken, the platform's fee
 * on the covered transactions kept, the rest paid out to the settlement card. PROCESSING until the bank settles the
 * payout; a FAILED one was reversed (its money is back in the merchant account). NOTHING: the account held no more
 * than the fee, so nothing moved.
 */
@Entity
@Table(name = "merchant_settlement")
@NamedQuery(name = MerchantSettlement.OF_MERCHANT, query = "SELECT s FROM MerchantSettlement s"
        + " WHERE s.merchantId = :merchantId ORDER BY s.businessDate DESC")
@NamedQuery(name = MerchantSettlement.LAST_COVERING, query = "SELECT MAX(s.coveredUntil) FROM MerchantSettlement s"
        + " WHERE s.merchantId = :merchantId AND s.status IN :covering")
@NamedQuery(name = MerchantSettlement.DUE, query = "SELECT s.id FROM MerchantSettlement s"
        + " WHERE s.status = :processing AND s.createdAt <= :before ORDER BY s.createdAt")
@NamedQuery(name = MerchantSettlement.UNSETTLED_MERCHANTS, query = "SELECT m.id FROM Merchant m"
        + " WHERE m.createdAt < :dayEnds AND m.suspendedAt IS NULL AND NOT EXISTS (SELECT s.id FROM MerchantSettlement s"
        + " WHERE s.merchantId = m.id AND s.businessDate = :day) ORDER BY m.id")
public class MerchantSettlement {

    public static final String ID_PREFIX = "stl_";
    public static final String OF_MERCHANT = "MerchantSettlement.ofMerchant";
    public static final String LAST_COVERING = "MerchantSettlement.lastCovering";
    public static final String DUE = "MerchantSettlement.due";
    public static final String UNSETTLED_MERCHANTS = "MerchantSettlement.unsettledMerchants";

    public enum Status {
        NOTHING, PROCESSING, SUCCEEDED, FAILED
    }

    @Id
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 20)
    private String publicId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private long merchantId;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    @Column(name = "card_id", nullable = false, updatable = false)
    private long cardId;

    @Column(name = "covered_from", nullable = false, updatable = false)
    private Instant coveredFrom;

    @Column(name = "covered_until", nullable = false, updatable = false)
    private Instant coveredUntil;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, updatable = false)
    private long fee;

    @Column(nullable = false, updatable = false)
    private long net;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(name = "posting_id", updatable = false)
    private Long postingId;

    @Column(name = "reversal_posting_id")
    private Long reversalPostingId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected MerchantSettlement() {
    }

    /** What a settlement covers and moves, as computed under the merchant account's lock. */
    public record Terms(LocalDate businessDate, long cardId, Instant coveredFrom, Instant coveredUntil, long amount,
            long fee) {
    }

    public MerchantSettlement(long id, String publicId, long merchantId, Terms terms, Long postingId, Instant now) {
        this.id = id;
        this.publicId = publicId;
        this.merchantId = merchantId;
        this.businessDate = terms.businessDate();
        this.cardId = terms.cardId();
        this.coveredFrom = terms.coveredFrom();
        this.coveredUntil = terms.coveredUntil();
        this.amount = terms.amount();
        this.fee = terms.fee();
        this.net = terms.amount() - terms.fee();
        this.postingId = postingId;
        this.status = postingId == null ? Status.NOTHING : Status.PROCESSING;
        this.settledAt = postingId == null ? now : null;
        this.createdAt = now;
    }

    public boolean isProcessing() {
        return status == Status.PROCESSING;
    }

    public void succeeded(Instant now) {
        requireProcessing();
        status = Status.SUCCEEDED;
        settledAt = now;
    }

    public void failed(long reversal, Instant now) {
        requireProcessing();
        status = Status.FAILED;
        reversalPostingId = reversal;
        settledAt = now;
    }

    private void requireProcessing() {
        if (status != Status.PROCESSING) {
            throw new IllegalStateException("settlement " + publicId + " is " + status);
        }
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public long merchantId() {
        return merchantId;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public long cardId() {
        return cardId;
    }

    public Instant coveredFrom() {
        return coveredFrom;
    }

    public Instant coveredUntil() {
        return coveredUntil;
    }

    public long amount() {
        return amount;
    }

    public long fee() {
        return fee;
    }

    public long net() {
        return net;
    }

    public Status status() {
        return status;
    }

    public Long postingId() {
        return postingId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant settledAt() {
        return settledAt;
    }
}
