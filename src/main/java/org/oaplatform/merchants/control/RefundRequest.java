package org.oaplatform.merchants.control;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.oaplatform.merchants.entity.MerchantRefund;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.webhooks.control.OutboundUrlPolicy;

/**
 * A {@code /secapi/pay/refund} request, checked field by field before any order is looked at: the order named by
 * {@code transaction_id} or {@code out_trade_no}, the merchant's {@code out_refund_no}, the order's {@code total_fee}
 * as the merchant believes it, and the {@code refund_fee}. {@code op_user_id} and {@code refund_account} are accepted
 * and not used: refunds come from the merchant's one account.
 */
public record RefundRequest(String transactionId, String outTradeNo, String outRefundNo, long totalFee,
        long refundFee, String refundDesc, URI notifyUrl) {

    private static final Pattern OUT_REFUND_NO = Pattern.compile("[0-9A-Za-z_\\-|*@]{1,64}");
    private static final Pattern ACCOUNTS = Pattern.compile("REFUND_SOURCE_(UNSETTLED|RECHARGE)_FUNDS");

    public static RefundRequest of(Map<String, String> fields, OutboundUrlPolicy urls) {
        String transactionId = blankToNull(fields.get("transaction_id"));
        String outTradeNo = blankToNull(fields.get("out_trade_no"));
        if (transactionId == null && outTradeNo == null) {
            throw UnifiedOrder.lacking("transaction_id or out_trade_no");
        }
        String outRefundNo = UnifiedOrder.required(fields, "out_refund_no");
        if (!OUT_REFUND_NO.matcher(outRefundNo).matches()) {
            throw UnifiedOrder.invalid("out_refund_no must be 1 to 64 of 0-9 A-Z a-z _ - | * @");
        }
        long totalFee = fen(fields, "total_fee");
        long refundFee = fen(fields, "refund_fee");
        if (refundFee > totalFee) {
            throw UnifiedOrder.invalid("invalid refund_fee: refund_fee大于订单金额 (more than the order's total_fee)");
        }
        String feeType = fields.get("refund_fee_type");
        if (feeType != null && !feeType.isEmpty() && !feeType.equals("CNY")) {
            throw UnifiedOrder.invalid("refund_fee_type must be CNY");
        }
        String account = fields.get("refund_account");
        if (account != null && !account.isEmpty() && !ACCOUNTS.matcher(account).matches()) {
            throw UnifiedOrder.invalid("refund_account must be REFUND_SOURCE_UNSETTLED_FUNDS or "
                    + "REFUND_SOURCE_RECHARGE_FUNDS");
        }
        String desc = blankToNull(fields.get("refund_desc"));
        if (desc != null && desc.length() > 80) {
            throw UnifiedOrder.invalid("refund_desc is longer than 80 characters");
        }
        String notify = blankToNull(fields.get("notify_url"));
        return new RefundRequest(transactionId, outTradeNo, outRefundNo, totalFee, refundFee, desc,
                notify == null ? null : UnifiedOrder.notifyUrl(notify, urls));
    }

    /**
     * What makes a refund "the same refund again" under one out_refund_no: the order it refunds and the amounts.
     * A repeat may name the order by the other number, so the order's own id counts, not the field that named it.
     */
    public String fingerprint(long orderId) {
        return Hashing.sha256Hex("refund\u001f" + orderId + '\u001f' + totalFee + '\u001f' + refundFee);
    }

    public MerchantRefund.Terms terms(long orderId, MerchantRefund.Source source) {
        return new MerchantRefund.Terms(outRefundNo, refundFee, refundDesc,
                notifyUrl == null ? null : notifyUrl.toString(), fingerprint(orderId), source);
    }

    private static long fen(Map<String, String> fields, String name) {
        String text = UnifiedOrder.required(fields, name);
        long fen = UnifiedOrder.WHOLE_FEN.matcher(text).matches() ? Long.parseLong(text) : 0;
        if (fen <= 0 || fen > UnifiedOrder.MAX_TOTAL_FEE) {
            throw UnifiedOrder.invalid(name + " must be a whole number of fen from 1 to " + UnifiedOrder.MAX_TOTAL_FEE);
        }
        return fen;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
