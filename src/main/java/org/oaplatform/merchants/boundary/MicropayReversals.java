package org.oaplatform.merchants.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.oaplatform.merchants.control.PayError;
import org.oaplatform.merchants.control.UnifiedOrder;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.TradeState;
import org.oaplatform.merchants.entity.TradeType;
import org.oaplatform.payments.boundary.Ledger;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.DueWork;

/**
 * {@code /secapi/pay/reverse} (spec §1.7): the merchant revokes a micropay whose outcome it could not learn. Within 7
 * days of the order; an unpaid one (USERPAYING) simply ends REVOKED, a paid one is reversed through {@link Ledger}
 * (the payment's posting mirrored: the money back to the payer) and ends REVOKED; reversing again answers the same.
 * Under the order's row lock, then the accounts, like a payment. A micropay still waiting for the payer's password when
 * its 45 seconds run out is revoked by this bean's timer, as WeChat does.
 */
@Stateless
public class MicropayReversals {

    public static final Duration WINDOW = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(MicropayReversals.class.getName());
    private static final int MAX_DUE_PER_RUN = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    MerchantOrders orders;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, String> reverse(PayCaller.Admitted merchant, Map<String, String> fields) {
        MerchantOrder order = orders.find(merchant, fields)
                .orElseThrow(() -> new BusinessException(PayError.ORDERNOTEXIST));
        try {
            context.getBusinessObject(MicropayReversals.class).revoke(order.id());
        } catch (BusinessException refused) {
            if (refused.code() == PaymentError.INSUFFICIENT_BALANCE) {
                throw new BusinessException(PayError.NOTENOUGH, "基本账户余额不足 (the merchant account holds less "
                        + "than the payment to give back; it was settled)");
            }
            throw refused;
        }
        // recall=N: the reversal is done; nothing for the merchant to call again.
        return Map.of("recall", "N");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void revoke(long orderId) {
        MerchantOrder order = em.find(MerchantOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order.tradeType() != TradeType.MICROPAY) {
            throw UnifiedOrder.invalid("only micropay orders are reversed; close an unpaid order or refund a paid one");
        }
        if (order.state() == TradeState.REVOKED) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(order.createdAt().plus(WINDOW))) {
            throw new BusinessException(PayError.REVERSE_EXPIRE);
        }
        if (order.state() == TradeState.REFUND) {
            throw UnifiedOrder.invalid("the order has refunds; refund what is left instead of reversing it");
        }
        Long reversal = null;
        if (order.state() == TradeState.SUCCESS) {
            reversal = ledger.reverse(ledger.get(order.postingId()), PostingKind.MERCHANT_PAYMENT_REVERSAL).id();
        }
        order.revoke(reversal, now);
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = true, info = "micropay-pin-wait")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void revokeOnSchedule() {
        revokeWaitedTooLong();
    }

    /** Revokes the micropay orders whose payer did not confirm in time. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int revokeWaitedTooLong() {
        List<Long> due = em.createNamedQuery(MerchantOrder.WAITED_TOO_LONG, Long.class)
                .setParameter("userPaying", TradeState.USERPAYING).setParameter("now", clock.instant())
                .setMaxResults(MAX_DUE_PER_RUN).getResultList();
        MicropayReversals self = context.getBusinessObject(MicropayReversals.class);
        return DueWork.each(due, self::expire, LOG, "micropay waiting for a password");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean expire(long orderId) {
        MerchantOrder order = em.find(MerchantOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (order.state() != TradeState.USERPAYING || order.isPayableAt(now)) {
            return false;
        }
        order.revoke(null, now);
        return true;
    }
}
