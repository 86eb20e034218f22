package org.oaplatform.merchants.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.control.RefundRequest;
import org.oaplatform.merchants.control.UnifiedOrder;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.MerchantRefund;
import org.oaplatform.merchants.control.PayError;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.webhooks.control.WebhookSettings;

/**
 * {@code /secapi/pay/refund} and {@code /pay/refundquery} in WeChat Pay's fields (WxJava's {@code WxPayRefundResult}
 * and {@code WxPayRefundQueryResult}); the refunds themselves are {@link MerchantRefunds}'. A merchant sees only its
 * own orders and refunds: another merchant's numbers are ORDERNOTEXIST and REFUNDNOTEXIST.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefundAnswers {

    /** refundquery lists this many refunds from {@code offset}, as WeChat pages an order's refunds. */
    static final int PAGE = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    MerchantOrders orders;

    @Inject
    MerchantRefunds refunds;

    @Inject
    WebhookSettings outbound;

    public Map<String, String> refund(PayCaller.Admitted merchant, Map<String, String> fields) {
        RefundRequest request = RefundRequest.of(fields, outbound.policy());
        MerchantOrder named = orders.find(merchant, fields)
                .orElseThrow(() -> new BusinessException(PayError.ORDERNOTEXIST));
        MerchantRefund refund = refunds.refund(merchant.merchantId(), named.id(), request,
                MerchantRefund.Source.API);
        MerchantOrder order = em.find(MerchantOrder.class, refund.orderId());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("transaction_id", order.transactionId());
        answer.put("out_trade_no", order.outTradeNo());
        answer.put("out_refund_no", refund.outRefundNo());
        answer.put("refund_id", refund.refundId());
        answer.put("refund_fee", Long.toString(refund.refundFee()));
        answer.put("settlement_refund_fee", Long.toString(refund.refundFee()));
        answer.put("total_fee", Long.toString(order.totalFee()));
        answer.put("settlement_total_fee", Long.toString(order.totalFee()));
        answer.put("fee_type", "CNY");
        answer.put("cash_fee", Long.toString(order.totalFee()));
        answer.put("cash_fee_type", "CNY");
        answer.put("cash_refund_fee", Long.toString(refund.refundFee()));
        return answer;
    }

    /**
     * One refund by {@code refund_id} or {@code out_refund_no}, else the order's refunds by {@code transaction_id} or
     * {@code out_trade_no} (WeChat's order of precedence), {@value #PAGE} at a time from {@code offset}.
     */
    public Map<String, String> query(PayCaller.Admitted merchant, Map<String, String> fields) {
        String refundId = blankToNull(fields.get("refund_id"));
        String outRefundNo = blankToNull(fields.get("out_refund_no"));
        int offset = offset(fields.get("offset"));
        MerchantOrder order;
        List<MerchantRefund> listed;
        int total;
        if (refundId != null || outRefundNo != null) {
            MerchantRefund refund = refunds.find(merchant.merchantId(), refundId, outRefundNo)
                    .orElseThrow(() -> new BusinessException(PayError.REFUNDNOTEXIST));
            order = em.find(MerchantOrder.class, refund.orderId());
            listed = List.of(refund);
            total = 1;
        } else {
            if (blankToNull(fields.get("transaction_id")) == null && blankToNull(fields.get("out_trade_no")) == null) {
                throw UnifiedOrder.lacking("refund_id, out_refund_no, transaction_id or out_trade_no");
            }
            order = orders.find(merchant, fields).orElseThrow(() -> new BusinessException(PayError.REFUNDNOTEXIST));
            List<MerchantRefund> all = refunds.ofOrder(order.id());
            total = all.size();
            if (total == 0 || offset >= total) {
                throw new BusinessException(PayError.REFUNDNOTEXIST, offset == 0 ? "the order has no refunds"
                        : "the order has " + total + " refunds, none from offset " + offset);
            }
            listed = all.subList(offset, Math.min(total, offset + PAGE));
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("device_info", order.deviceInfo());
        answer.put("transaction_id", order.transactionId());
        answer.put("out_trade_no", order.outTradeNo());
        answer.put("total_fee", Long.toString(order.totalFee()));
        answer.put("settlement_total_fee", Long.toString(order.totalFee()));
        answer.put("fee_type", "CNY");
        answer.put("cash_fee", Long.toString(order.totalFee()));
        // WxJava reads the top-level refund_fee as what the order has refunded in all.
        answer.put("refund_fee", Long.toString(order.refundedFee()));
        if (total > PAGE || offset > 0) {
            answer.put("total_refund_count", Integer.toString(total));
        }
        answer.put("refund_count", Integer.toString(listed.size()));
        for (int n = 0; n < listed.size(); n++) {
            MerchantRefund refund = listed.get(n);
            answer.put("out_refund_no_" + n, refund.outRefundNo());
            answer.put("refund_id_" + n, refund.refundId());
            answer.put("refund_channel_" + n, "ORIGINAL");
            answer.put("refund_fee_" + n, Long.toString(refund.refundFee()));
            answer.put("settlement_refund_fee_" + n, Long.toString(refund.refundFee()));
            answer.put("refund_status_" + n, refund.state().name());
            answer.put("refund_account_" + n, MerchantRefunds.FROM_ACCOUNT);
            // WeChat's spelling ("accout"), which the SDKs read.
            answer.put("refund_recv_accout_" + n, MerchantRefunds.RECEIVED_INTO);
            if (refund.succeededAt() != null) {
                answer.put("refund_success_time_" + n, PayTime.readable(refund.succeededAt()));
            }
        }
        return answer;
    }

    private static int offset(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (!text.matches("[0-9]{1,2}")) {
            throw UnifiedOrder.invalid("offset must be a whole number below 50");
        }
        return Integer.parseInt(text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
