package org.oaplatform.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One refund of a paid order, unique per merchant by its {@code out_refund_no}. Its money moved when it was accepted
 * (the posting it names); it is PROCESSING until the completion step makes it SUCCESS, as WeChat reports a refund
 * that was accepted but not yet finished.
 */
@Entity
@Table(name = "merchant_refund")
@NamedQuery(name = MerchantRefund.ID_BY_OUT_REFUND_NO, query = "SELECT r.id FROM MerchantRefund r"
        + " WHERE r.merchantId = :merchantId AND r.outRefundNo = :outRefundNo")
@NamedQuery(name = MerchantRefund.BY_REFUND_ID, query = "SELECT r FROM MerchantRefund r"
        + " WHERE r.merchantId = :merchantId AND r.refundId = :refundId")
@NamedQuery(name = MerchantRefund.OF_ORDER, query = "SELECT r FROM MerchantRefund r WHERE r.orderId = :orderId"
        + " ORDER BY r.seq")
@NamedQuery(name = MerchantRefund.WITH_ORDER_BETWEEN, query = "SELECT r, o FROM MerchantRefund r, MerchantOrder o"
        + " WHERE o.id = r.orderId AND r.merchantId = :merchantId AND r.createdAt >= :from AND r.createdAt < :to"
        + " ORDER BY r.createdAt")
@NamedQuery(name = MerchantRefund.FEES_BETWEEN, query = "SELECT r.refundFee FROM MerchantRefund r"
        + " WHERE r.merchantId = :merchantId AND r.createdAt >= :from AND r.createdAt < :to")
@NamedQuery(name = MerchantRefund.DUE, query = "SELECT r.id FROM MerchantRefund r WHERE r.state = :processing"
        + " AND r.createdAt <= :acceptedBefore ORDER BY r.createdAt")
public class MerchantRefund {

    public static final String ID_BY_OUT_REFUND_NO = "MerchantRefund.idByOutRefundNo";
    public static final String BY_REFUND_ID = "MerchantRefund.byRefundId";
    public static final String OF_ORDER = "MerchantRefund.ofOrder";
    public static final String DUE = "MerchantRefund.due";
    public static final String WITH_ORDER_BETWEEN = "MerchantRefund.withOrderBetween";
    public static final String FEES_BETWEEN = "MerchantRefund.feesBetween";

    public enum State {
        PROCESSING, SUCCESS
    }

    /** Who asked for it, in the refund notification's {@code refund_request_source}. */
    public enum Source {
        API, VENDOR_PLATFORM
    }

    @Id
    private Long id;

    @Column(name = "refund_id", nullable = false, updatable = false, length = 29)
    private String refundId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private long merchantId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(name = "out_refund_no", nullable = false, updatable = false, length = 64)
    private String outRefundNo;

    @Column(name = "refund_fee", nullable = false, updatable = false)
    private long refundFee;

    @Column(name = "refund_desc", updatable = false, length = 80)
    private String refundDesc;

    @Column(name = "notify_url", updatable = false, length = 256)
    private String notifyUrl;

    @Column(nullable = false, updatable = false, length = 64)
    private String fingerprint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;

    @Column(name = "posting_id", nullable = false, updatable = false)
    private long postingId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "succeeded_at")
    private Instant succeededAt;

    protected MerchantRefund() {
    }

    /** What the merchant asked for, as checked (see {@code control.RefundRequest}). */
    public record Terms(String outRefundNo, long refundFee, String refundDesc, String notifyUrl, String fingerprint,
            Source source) {
    }

    public MerchantRefund(long id, String refundId, MerchantOrder order, int seq, Terms terms, long postingId,
            Instant now) {
        this.id = id;
        this.refundId = refundId;
        this.merchantId = order.merchantId();
        this.orderId = order.id();
        this.seq = seq;
        this.outRefundNo = terms.outRefundNo();
        this.refundFee = terms.refundFee();
        this.refundDesc = terms.refundDesc();
        this.notifyUrl = terms.notifyUrl();
        this.fingerprint = terms.fingerprint();
        this.source = terms.source();
        this.state = State.PROCESSING;
        this.postingId = postingId;
        this.createdAt = now;
    }

    /** @return whether this call finished it (a second completion of a finished refund changes nothing) */
    public boolean succeed(Instant now) {
        if (state == State.SUCCESS) {
            return false;
        }
        state = State.SUCCESS;
        succeededAt = now;
        return true;
    }

    public Long id() {
        return id;
    }

    public String refundId() {
        return refundId;
    }

    public long merchantId() {
        return merchantId;
    }

    public long orderId() {
        return orderId;
    }

    public int seq() {
        return seq;
    }

    public String outRefundNo() {
        return outRefundNo;
    }

    public long refundFee() {
        return refundFee;
    }

    public String refundDesc() {
        return refundDesc;
    }

    public String notifyUrl() {
        return notifyUrl;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Source source() {
        return source;
    }

    public State state() {
        return state;
    }

    public long postingId() {
        return postingId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant succeededAt() {
        return succeededAt;
    }
}
