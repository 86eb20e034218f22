package org.oaplatform.merchants.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.oaplatform.merchants.control.MerchantError;
import org.oaplatform.merchants.control.PayError;
import org.oaplatform.merchants.control.RefundRequest;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.MerchantRefund;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.payments.boundary.IdempotentRequests;
import org.oaplatform.payments.boundary.Wallets;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;

/**
 * Refunds the owner issues outside the merchant API (the client API and the portal), confirmed with the owner's
 * payment password. They are {@link MerchantRefunds}' refunds like any other, with source VENDOR_PLATFORM; their
 * out_refund_no is derived from the owner and the Idempotency-Key, so a retried request is the same refund again by
 * the refunds' own unique key, and a key reused for another refund is refused.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OwnerRefunds {

    public record RefundView(String refundId, String outRefundNo, String outTradeNo, String transactionId,
            long amount, String reason, MerchantRefund.State state, MerchantRefund.Source source, Instant createdAt,
            Instant succeededAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Merchants merchants;

    @Inject
    MerchantOrders orders;

    @Inject
    MerchantRefunds refunds;

    @Inject
    Wallets wallets;


    public RefundView refund(long ownerId, String appid, String key, String outTradeNo, long amount, String reason,
            String pin) {
        String checkedKey = IdempotentRequests.checked(key);
        Merchant merchant = merchants.require(ownerId, appid, MemberRole.OWNER);
        MerchantOrder order = orders.find(merchant.id(), null, outTradeNo)
                .orElseThrow(() -> new BusinessException(MerchantError.ORDER_UNKNOWN));
        if (amount <= 0 || amount > order.totalFee()) {
            throw new BusinessException(MerchantError.REFUND_AMOUNT_INVALID, "the amount must be from 1 to "
                    + order.totalFee() + " fen, what the order was paid");
        }
        if (reason != null && reason.length() > 80) {
            throw new BusinessException(MerchantError.REFUND_REFUSED, "the reason is longer than 80 characters");
        }
        wallets.requirePassword(ownerId, pin);
        String outRefundNo = "owner-" + Hashing.sha256Hex(ownerId + "\u001f" + checkedKey).substring(0, 40);
        RefundRequest request = new RefundRequest(null, order.outTradeNo(), outRefundNo, order.totalFee(), amount,
                reason == null || reason.isBlank() ? null : reason.strip(), null);
        MerchantRefund refund;
        try {
            refund = refunds.refund(merchant.id(), order.id(), request, MerchantRefund.Source.VENDOR_PLATFORM);
        } catch (BusinessException refused) {
            if (refused.code() == PayError.REFUND_FEE_MISMATCH) {
                throw new BusinessException(PaymentError.IDEMPOTENCY_KEY_REUSED);
            }
            if (refused.code() instanceof PayError) {
                throw new BusinessException(MerchantError.REFUND_REFUSED, refused.getMessage());
            }
            throw refused;
        }
        return view(order, refund);
    }

    /** An order's refunds, for its merchant's owner and admins. */
    public List<RefundView> ofOrder(long personId, String appid, String outTradeNo) {
        Merchant merchant = merchants.require(personId, appid, MemberRole.OWNER, MemberRole.ADMIN);
        MerchantOrder order = orders.find(merchant.id(), null, outTradeNo)
                .orElseThrow(() -> new BusinessException(MerchantError.ORDER_UNKNOWN));
        return refunds.ofOrder(order.id()).stream().map(r -> view(order, r)).toList();
    }

    private static RefundView view(MerchantOrder order, MerchantRefund refund) {
        return new RefundView(refund.refundId(), refund.outRefundNo(), order.outTradeNo(), order.transactionId(),
                refund.refundFee(), refund.refundDesc(), refund.state(), refund.source(), refund.createdAt(),
                refund.succeededAt());
    }
}
