package org.oaplatform.merchants.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.merchants.control.PayError;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.control.RefundRequest;
import org.oaplatform.merchants.control.RefundRules;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.MerchantRefund;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.payments.boundary.Ledger;
import org.oaplatform.payments.boundary.Wallets;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;

/**
 * Refunds of paid orders (spec §1.8), idempotent by the merchant's {@code out_refund_no}. Accepting one locks the
 * order row first and the ledger accounts after (the payment's lock order), checks {@link RefundRules} under that
 * lock, posts merchant account → payer's wallet through {@link Ledger} and counts the refund on the order, all in one
 * transaction: accepted with its money moved, or nothing. The refund is then PROCESSING until its completion step,
 * right after the commit or on this bean's timer, records SUCCESS and, if the merchant named a notify_url, owes it the
 * refund notification. The wire format of the answers is {@link RefundAnswers}'.
 */
@Stateless
public class MerchantRefunds {

    /** WeChat's words for where a balance refund goes and what it is paid from. */
    public static final String RECEIVED_INTO = "支付用户零钱";
    public static final String FROM_ACCOUNT = "REFUND_SOURCE_UNSETTLED_FUNDS";

    private static final Logger LOG = Logger.getLogger(MerchantRefunds.class.getName());
    /** The timer leaves a just-accepted refund to the completion started after its commit. */
    private static final Duration TIMER_GRACE = Duration.ofSeconds(5);
    private static final int MAX_DUE_PER_RUN = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Ledger ledger;

    @Inject
    Wallets wallets;

    @Inject
    PayNotifications notifications;

    @Inject
    Event<RefundAccepted> accepted;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext context;

    /**
     * A refund of the merchant's order as asked, or the refund already made under this out_refund_no if the request
     * is the same again (REFUND_FEE_MISMATCH if it is not).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MerchantRefund refund(long merchantId, long orderId, RefundRequest request, MerchantRefund.Source source) {
        MerchantRefunds self = context.getBusinessObject(MerchantRefunds.class);
        Optional<Long> existing = self.idOf(merchantId, request.outRefundNo());
        if (existing.isPresent()) {
            return self.repeat(existing.get(), orderId, request);
        }
        try {
            return self.accept(orderId, request, source);
        } catch (BusinessException refused) {
            if (refused.code() == PaymentError.INSUFFICIENT_BALANCE) {
                throw new BusinessException(PayError.NOTENOUGH, "基本账户余额不足 (the merchant account holds less "
                        + "than the refund; it was settled to the bank or refunded before)");
            }
            throw refused;
        } catch (RuntimeException lostTheRace) {
            // The same out_refund_no accepted by a concurrent call first: the unique key refused ours.
            long first = self.idOf(merchantId, request.outRefundNo()).orElseThrow(() -> lostTheRace);
            return self.repeat(first, orderId, request);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MerchantRefund accept(long orderId, RefundRequest request, MerchantRefund.Source source) {
        MerchantOrder order = em.find(MerchantOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        // The same out_refund_no may have been accepted for this order while we waited for its lock: that refund
        // again, not a second one refused by the rules it now fails.
        Optional<MerchantRefund> already = em.createNamedQuery(MerchantRefund.ID_BY_OUT_REFUND_NO, Long.class)
                .setParameter("merchantId", order.merchantId()).setParameter("outRefundNo", request.outRefundNo())
                .getResultStream().findFirst().map(id -> em.find(MerchantRefund.class, id));
        if (already.isPresent()) {
            return sameAgain(already.get(), orderId, request);
        }
        Instant now = clock.instant();
        RefundRules.check(order, request.totalFee(), request.refundFee(), now);
        Merchant merchant = em.find(Merchant.class, order.merchantId());
        Posting posting = ledger.post(PostingKind.MERCHANT_REFUND, order.publicId(),
                Ledger.leg(merchant.ledgerAccountId(), -request.refundFee()),
                Ledger.leg(wallets.open(order.payerId()).accountId(), request.refundFee()));
        int seq = order.refunded(request.refundFee(), now);
        MerchantRefund refund = new MerchantRefund(rowIds.next(), refundId(now), order, seq,
                request.terms(order.id(), source), posting.id(), now);
        em.persist(refund);
        em.flush();
        if (source == MerchantRefund.Source.VENDOR_PLATFORM) {
            audit.record("merchant.refund", "app:" + em.find(OfficialAccount.class, merchant.accountId()).appId(),
                    "out_trade_no " + order.outTradeNo() + ", refund " + refund.refundId() + ", "
                            + refund.refundFee() + " fen");
        }
        accepted.fire(new RefundAccepted(refund.id()));
        return refund;
    }

    /** The same out_refund_no again: its refund if the request asks for the same, else REFUND_FEE_MISMATCH. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MerchantRefund repeat(long refundId, long orderId, RefundRequest request) {
        return sameAgain(em.find(MerchantRefund.class, refundId), orderId, request);
    }

    private static MerchantRefund sameAgain(MerchantRefund refund, long orderId, RefundRequest request) {
        if (!refund.fingerprint().equals(request.fingerprint(orderId))) {
            throw new BusinessException(PayError.REFUND_FEE_MISMATCH);
        }
        return refund;
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void completeSoon(long refundId) {
        context.getBusinessObject(MerchantRefunds.class).complete(refundId);
    }

    /** @return whether this call finished the refund */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean complete(long refundId) {
        MerchantRefund refund = em.find(MerchantRefund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund == null || !refund.succeed(clock.instant())) {
            return false;
        }
        if (refund.notifyUrl() != null) {
            notifications.record(refund);
        }
        return true;
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = true, info = "refunds-complete")
    void completeOnSchedule() {
        completeDue();
    }

    public int completeDue() {
        List<Long> due = em.createNamedQuery(MerchantRefund.DUE, Long.class)
                .setParameter("processing", MerchantRefund.State.PROCESSING)
                .setParameter("acceptedBefore", clock.instant().minus(TIMER_GRACE)).setMaxResults(MAX_DUE_PER_RUN)
                .getResultList();
        MerchantRefunds self = context.getBusinessObject(MerchantRefunds.class);
        return DueWork.each(due, self::complete, LOG, "refund");
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Long> idOf(long merchantId, String outRefundNo) {
        return em.createNamedQuery(MerchantRefund.ID_BY_OUT_REFUND_NO, Long.class)
                .setParameter("merchantId", merchantId).setParameter("outRefundNo", outRefundNo).getResultStream()
                .findFirst();
    }

    /** A merchant's refund by WeChat's refund_id or its own out_refund_no. */
    public Optional<MerchantRefund> find(long merchantId, String refundId, String outRefundNo) {
        if (refundId != null) {
            return em.createNamedQuery(MerchantRefund.BY_REFUND_ID, MerchantRefund.class)
                    .setParameter("merchantId", merchantId).setParameter("refundId", refundId).getResultStream()
                    .findFirst();
        }
        return idOf(merchantId, outRefundNo).map(id -> em.find(MerchantRefund.class, id));
    }

    public List<MerchantRefund> ofOrder(long orderId) {
        return em.createNamedQuery(MerchantRefund.OF_ORDER, MerchantRefund.class).setParameter("orderId", orderId)
                .getResultList();
    }

    /** 29 digits like WeChat's: 50, the Beijing date, 19 random digits. */
    private String refundId(Instant now) {
        return "50" + PayTime.format(now).substring(0, 8) + ids.digits(19);
    }
}
