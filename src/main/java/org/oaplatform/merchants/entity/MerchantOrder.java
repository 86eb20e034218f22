package org.oaplatform.merchants.entity;

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
 * An order a merchant placed with {@code /pay/unifiedorder}, unique per merchant by its {@code out_trade_no}. It is
 * NOTPAY until one payment (under this row's lock) makes it SUCCESS, or the merchant closes it; its first refund makes
 * it REFUND. A paid order keeps its payer, transaction id and posting, and counts its refunds under the same lock.
 */
@Entity
@Table(name = "merchant_order")
@NamedQuery(name = MerchantOrder.BY_OUT_TRADE_NO, query = "SELECT o FROM MerchantOrder o"
        + " WHERE o.merchantId = :merchantId AND o.outTradeNo = :outTradeNo")
@NamedQuery(name = MerchantOrder.BY_TRANSACTION_ID, query = "SELECT o FROM MerchantOrder o"
        + " WHERE o.merchantId = :merchantId AND o.transactionId = :transactionId")
@NamedQuery(name = MerchantOrder.ID_BY_PUBLIC_ID, query = "SELECT o.id FROM MerchantOrder o WHERE o.publicId = :id")
@NamedQuery(name = MerchantOrder.ID_BY_CODE, query = "SELECT o.id FROM MerchantOrder o WHERE o.codeToken = :code")
@NamedQuery(name = MerchantOrder.PAID_BETWEEN, query = "SELECT o FROM MerchantOrder o"
        + " WHERE o.merchantId = :merchantId AND o.paidAt >= :from AND o.paidAt < :to"
        + " AND o.reversalPostingId IS NULL ORDER BY o.paidAt")
@NamedQuery(name = MerchantOrder.FEES_PAID_BETWEEN, query = "SELECT o.totalFee FROM MerchantOrder o"
        + " WHERE o.merchantId = :merchantId AND o.paidAt >= :from AND o.paidAt < :to"
        + " AND o.reversalPostingId IS NULL")
@NamedQuery(name = MerchantOrder.WAITING_FOR, query = "SELECT o FROM MerchantOrder o WHERE o.payerId = :payer"
        + " AND o.state = :userPaying AND o.payableUntil > :now ORDER BY o.createdAt DESC")
@NamedQuery(name = MerchantOrder.WAITED_TOO_LONG, query = "SELECT o.id FROM MerchantOrder o"
        + " WHERE o.state = :userPaying AND o.payableUntil <= :now ORDER BY o.payableUntil")
@NamedQuery(name = MerchantOrder.UNPAID_PAST_ITS_TIME, query = "SELECT o.id FROM MerchantOrder o"
        + " WHERE o.state = :notPay AND o.closesAt <= :now ORDER BY o.closesAt, o.id")
@NamedQuery(name = MerchantOrder.ID_BY_PREPAY_ID, query = "SELECT o.id FROM MerchantOrder o WHERE o.prepayId = :id")
public class MerchantOrder {

    public static final String ID_PREFIX = "ord_";
    public static final String BY_OUT_TRADE_NO = "MerchantOrder.byOutTradeNo";
    public static final String BY_TRANSACTION_ID = "MerchantOrder.byTransactionId";
    public static final String ID_BY_PUBLIC_ID = "MerchantOrder.idByPublicId";
    public static final String ID_BY_CODE = "MerchantOrder.idByCode";
    public static final String ID_BY_PREPAY_ID = "MerchantOrder.idByPrepayId";
    public static final String PAID_BETWEEN = "MerchantOrder.paidBetween";
    public static final String WAITING_FOR = "MerchantOrder.waitingFor";
    public static final String WAITED_TOO_LONG = "MerchantOrder.waitedTooLong";
    public static final String FEES_PAID_BETWEEN = "MerchantOrder.feesPaidBetween";
    public static final String UNPAID_PAST_ITS_TIME = "MerchantOrder.unpaidPastItsTime";
    /**
     * How long an unpaid order without {@code time_expire} lives before it ends CLOSED: WeChat keeps one about seven
     * days (spec payments §1.7); until then the merchant may place it again for a new code after the two hours.
     */
    public static final Duration UNPAID_LIFETIME = Duration.ofDays(7);
    /** WeChat refuses to close an order younger than this (spec §1.7). */
    public static final Duration CLOSABLE_AFTER = Duration.ofMinutes(5);

    @Id
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 20)
    private String publicId;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private long merchantId;

    @Column(name = "out_trade_no", nullable = false, updatable = false, length = 32)
    private String outTradeNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "trade_type", nullable = false, updatable = false, length = 8)
    private TradeType tradeType;

    @Column(nullable = false, updatable = false, length = 128)
    private String body;

    @Column(updatable = false, length = 127)
    private String attach;

    @Column(name = "total_fee", nullable = false, updatable = false)
    private long totalFee;

    @Column(name = "product_id", updatable = false, length = 32)
    private String productId;

    @Column(updatable = false, length = 28)
    private String openid;

    @Column(name = "device_info", updatable = false, length = 32)
    private String deviceInfo;

    @Column(name = "notify_url", nullable = false, updatable = false, length = 256)
    private String notifyUrl;

    @Column(name = "spbill_create_ip", nullable = false, updatable = false, length = 64)
    private String clientIp;

    @Column(name = "sign_type", nullable = false, updatable = false, length = 12)
    private String signType;

    @Column(nullable = false, updatable = false, length = 64)
    private String fingerprint;

    @Column(name = "prepay_id", nullable = false, length = 64)
    private String prepayId;

    @Column(name = "code_token", length = 32)
    private String codeToken;

    @Column(name = "payable_until", nullable = false)
    private Instant payableUntil;

    @Column(name = "time_expire", updatable = false)
    private Instant timeExpire;

    @Column(name = "closes_at", nullable = false, updatable = false)
    private Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private TradeState state;

    @Column(name = "transaction_id", length = 28)
    private String transactionId;

    @Column(name = "payer_id")
    private Long payerId;

    @Column(name = "payer_openid", length = 28)
    private String payerOpenid;

    @Column(name = "posting_id")
    private Long postingId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "refunded_fee", nullable = false)
    private long refundedFee;

    @Column(name = "refund_count", nullable = false)
    private int refundCount;

    @Column(name = "last_refund_at")
    private Instant lastRefundAt;

    @Column(name = "reversal_posting_id")
    private Long reversalPostingId;

    protected MerchantOrder() {
    }

    /** The merchant's request as checked; see {@code control.UnifiedOrder}. */
    public record Terms(String outTradeNo, TradeType tradeType, String body, String attach, long totalFee,
            String productId, String openid, String deviceInfo, String notifyUrl, String clientIp, String signType,
            String fingerprint, Instant timeExpire) {
    }

    public MerchantOrder(long id, String publicId, long merchantId, Terms terms, String prepayId, String codeToken,
            Instant payableUntil, Instant now) {
        this.id = id;
        this.publicId = publicId;
        this.merchantId = merchantId;
        this.outTradeNo = terms.outTradeNo();
        this.tradeType = terms.tradeType();
        this.body = terms.body();
        this.attach = terms.attach();
        this.totalFee = terms.totalFee();
        this.productId = terms.productId();
        this.openid = terms.openid();
        this.deviceInfo = terms.deviceInfo();
        this.notifyUrl = terms.notifyUrl();
        this.clientIp = terms.clientIp();
        this.signType = terms.signType();
        this.fingerprint = terms.fingerprint();
        this.timeExpire = terms.timeExpire();
        this.closesAt = timeExpire != null ? timeExpire : now.plus(UNPAID_LIFETIME);
        this.prepayId = prepayId;
        this.codeToken = codeToken;
        this.payableUntil = earlier(payableUntil, closesAt);
        this.state = TradeState.NOTPAY;
        this.createdAt = now;
    }

    public boolean isPayableAt(Instant now) {
        return (state == TradeState.NOTPAY || state == TradeState.USERPAYING) && now.isBefore(payableUntil);
    }

    /** A micropay above the no-PIN limit: it waits for this payer's payment password until {@code until}. */
    public void awaitPin(long payer, Instant until) {
        if (state != TradeState.NOTPAY) {
            throw new IllegalStateException("order " + publicId + " is " + state);
        }
        this.state = TradeState.USERPAYING;
        this.payerId = payer;
        this.payableUntil = until;
    }

    /**
     * The merchant reversed it (or its wait for the payer ran out): an unpaid one simply ends, a paid one ends with
     * the posting that gave the money back.
     */
    public void revoke(Long reversalPosting, Instant now) {
        boolean paid = state == TradeState.SUCCESS;
        if (!paid && state != TradeState.NOTPAY && state != TradeState.USERPAYING
                || paid != (reversalPosting != null)) {
            throw new IllegalStateException("order " + publicId + " is " + state + "; reversal " + reversalPosting);
        }
        this.state = TradeState.REVOKED;
        this.reversalPostingId = reversalPosting;
        this.closedAt = now;
    }

    /**
     * A new prepay_id (and code) for an unpaid order placed again after its old ones ran out, never payable beyond the
     * order's own end.
     */
    public void reissue(String newPrepayId, String newCodeToken, Instant newPayableUntil) {
        this.prepayId = newPrepayId;
        this.codeToken = newCodeToken;
        this.payableUntil = earlier(newPayableUntil, closesAt);
    }

    public void paid(long payer, String openidOfPayer, String transaction, long posting, Instant now) {
        boolean waitedForThisPayer = state == TradeState.USERPAYING && payerId == payer;
        if (state != TradeState.NOTPAY && !waitedForThisPayer) {
            throw new IllegalStateException("order " + publicId + " is " + state);
        }
        this.state = TradeState.SUCCESS;
        this.payerId = payer;
        this.payerOpenid = openidOfPayer;
        this.transactionId = transaction;
        this.postingId = posting;
        this.paidAt = now;
    }

    /** Paid, whether or not refunds followed: it has a payer, a transaction id and a posting. */
    public boolean isPaid() {
        return state == TradeState.SUCCESS || state == TradeState.REFUND;
    }

    /**
     * Counts a refund the caller checked against the rules (control.RefundRules) under this row's lock.
     *
     * @return the refund's number among the order's refunds, from 1
     */
    public int refunded(long fee, Instant now) {
        if (!isPaid() || fee <= 0 || fee > totalFee - refundedFee) {
            throw new IllegalStateException("order " + publicId + " (" + state + ", " + refundedFee + " of "
                    + totalFee + " fen refunded) cannot refund " + fee + " fen");
        }
        this.state = TradeState.REFUND;
        this.refundedFee += fee;
        this.refundCount++;
        this.lastRefundAt = now;
        return refundCount;
    }

    public boolean isClosableAt(Instant now) {
        return !now.isBefore(createdAt.plus(CLOSABLE_AFTER));
    }

    public void close(Instant now) {
        if (state != TradeState.NOTPAY) {
            throw new IllegalStateException("order " + publicId + " is " + state);
        }
        this.state = TradeState.CLOSED;
        this.closedAt = now;
    }

    /** Its time is over: if nobody paid it by now, it ends (or has ended) CLOSED. */
    public boolean isOverAt(Instant now) {
        return !now.isBefore(closesAt);
    }

    /** An unpaid order whose time is over ends CLOSED; @return whether it did now */
    public boolean closeIfUnpaidAt(Instant now) {
        if (state != TradeState.NOTPAY || !isOverAt(now)) {
            return false;
        }
        close(now);
        return true;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
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

    public String outTradeNo() {
        return outTradeNo;
    }

    public TradeType tradeType() {
        return tradeType;
    }

    public String body() {
        return body;
    }

    public String attach() {
        return attach;
    }

    public long totalFee() {
        return totalFee;
    }

    public String productId() {
        return productId;
    }

    public String openid() {
        return openid;
    }

    public String deviceInfo() {
        return deviceInfo;
    }

    public String notifyUrl() {
        return notifyUrl;
    }

    public String signType() {
        return signType;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String prepayId() {
        return prepayId;
    }

    public String codeToken() {
        return codeToken;
    }

    public Instant payableUntil() {
        return payableUntil;
    }

    /** The merchant's {@code time_expire}, if it gave one. */
    public Instant timeExpire() {
        return timeExpire;
    }

    /** When it ends CLOSED if nobody paid it. */
    public Instant closesAt() {
        return closesAt;
    }

    public TradeState state() {
        return state;
    }

    public String transactionId() {
        return transactionId;
    }

    public Long payerId() {
        return payerId;
    }

    public String payerOpenid() {
        return payerOpenid;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public long refundedFee() {
        return refundedFee;
    }

    public int refundCount() {
        return refundCount;
    }

    public Instant lastRefundAt() {
        return lastRefundAt;
    }

    public Long postingId() {
        return postingId;
    }
}
