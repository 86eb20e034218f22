package org.oaplatform.merchants.control;

import java.time.Duration;
import java.time.Instant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.platform.control.BusinessException;

/**
 * WeChat's rules for refunding a paid order (spec §1.8), checked under the order's lock so that they hold against
 * concurrent refunds: within 365 days of the payment, at most 50 refunds, together never more than was paid, a minute
 * between two refunds of one order, and the merchant's {@code total_fee} must be the order's.
 */
public final class RefundRules {

    public static final Duration WINDOW = Duration.ofDays(365);
    public static final int MOST_PER_ORDER = 50;
    public static final Duration SPACING = Duration.ofMinutes(1);

    private RefundRules() {
    }

    /** Refuses, with the code WeChat answers, a refund of {@code refundFee} this order cannot take at {@code now}. */
    public static void check(MerchantOrder order, long totalFee, long refundFee, Instant now) {
        if (!order.isPaid()) {
            throw new BusinessException(PayError.ERROR, "订单状态错误 (the order is " + order.state()
                    + "; only a paid order is refunded)");
        }
        if (totalFee != order.totalFee()) {
            throw new BusinessException(PayError.REFUND_FEE_MISMATCH, PayError.REFUND_FEE_MISMATCH.defaultMessage()
                    + ": total_fee " + totalFee + " is not the order's " + order.totalFee());
        }
        if (!now.isBefore(order.paidAt().plus(WINDOW))) {
            throw new BusinessException(PayError.TRADE_OVERDUE);
        }
        long left = order.totalFee() - order.refundedFee();
        if (left == 0) {
            throw new BusinessException(PayError.ERROR, "订单已全额退款 (the order was refunded in full)");
        }
        if (refundFee > left) {
            throw new BusinessException(PayError.INVALID_REQUEST, "refund_fee大于可退金额 (" + left
                    + " fen of the order are left to refund)");
        }
        if (order.refundCount() >= MOST_PER_ORDER) {
            throw new BusinessException(PayError.ERROR, "退款次数超过限制 (an order takes at most " + MOST_PER_ORDER
                    + " refunds)");
        }
        if (order.lastRefundAt() != null && now.isBefore(order.lastRefundAt().plus(SPACING))) {
            throw new BusinessException(PayError.FREQUENCY_LIMITED, PayError.FREQUENCY_LIMITED.defaultMessage()
                    + " (refunds of one order are a minute apart; try again after "
                    + PayTime.format(order.lastRefundAt().plus(SPACING)) + ")");
        }
    }
}
