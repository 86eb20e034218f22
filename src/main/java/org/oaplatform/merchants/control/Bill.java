package org.oaplatform.merchants.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * A merchant's bill of one day in WeChat Pay v2's text format ({@code /pay/downloadbill}): a header of column names
 * separated by commas, one line per payment or refund with every field led by a backtick, then the totals' header
 * ({@code 总交易单数}, …) and their line. Amounts are in yuan with two decimals; lines end with CRLF. SDKs split the
 * fields on backticks and turn commas into spaces, so a value never carries a backtick or a line break.
 */
public final class Bill {

    /** {@code bill_type}: every payment and refund, the payments, or the refunds; each with WeChat's columns. */
    public enum Type {
        ALL(List.of("交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识",
                "交易类型", "交易状态", "付款银行", "货币种类", "应结订单金额", "代金券金额", "微信退款单号", "商户退款单号",
                "退款金额", "充值券退款金额", "退款类型", "退款状态", "商品名称", "商户数据包", "手续费", "费率", "订单金额",
                "申请退款金额", "费率备注")),
        SUCCESS(List.of("交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识",
                "交易类型", "交易状态", "付款银行", "货币种类", "应结订单金额", "代金券金额", "商品名称", "商户数据包", "手续费",
                "费率", "订单金额", "费率备注")),
        REFUND(List.of("交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识",
                "交易类型", "交易状态", "付款银行", "货币种类", "应结订单金额", "代金券金额", "退款申请时间", "退款成功时间",
                "微信退款单号", "商户退款单号", "退款金额", "充值券退款金额", "退款类型", "退款状态", "商品名称", "商户数据包",
                "手续费", "费率", "订单金额", "申请退款金额", "费率备注"));

        private final List<String> columns;

        Type(List<String> columns) {
            this.columns = columns;
        }

        public List<String> columns() {
            return columns;
        }

        public static Optional<Type> ofWire(String text) {
            for (Type type : values()) {
                if (type.name().equals(text)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** The order a line is about. */
    public record Order(Instant paidAt, String appid, String mchId, String deviceInfo, String transactionId,
            String outTradeNo, String openid, String tradeType, long totalFee, String body, String attach) {
    }

    /** One refund of an order, for refund lines. */
    public record Refund(Instant requestedAt, Instant succeededAt, String refundId, String outRefundNo, long fee,
            String state) {
    }

    /** A payment (no refund) or a refund of the order, at the time the line is dated. */
    public record Line(Order order, Refund refund) {

        boolean isRefund() {
            return refund != null;
        }

        public Instant time() {
            return isRefund() ? refund.requestedAt() : order.paidAt();
        }
    }

    private static final String CRLF = "\r\n";
    private static final List<String> TOTALS = List.of("总交易单数", "应结订单总金额", "退款总金额", "充值券退款总金额",
            "手续费总金额", "订单总金额", "申请退款总金额");

    private Bill() {
    }

    /** The bill of these lines (those of {@code type}, in the order given) under this fee rate. */
    public static String write(Type type, List<Line> lines, FeeRate fees) {
        StringBuilder text = new StringBuilder(String.join(",", type.columns())).append(CRLF);
        long count = 0;
        long paid = 0;
        long refunded = 0;
        long poundage = 0;
        for (Line line : lines) {
            if (type == Type.SUCCESS && line.isRefund() || type == Type.REFUND && !line.isRefund()) {
                continue;
            }
            long fee = line.isRefund() ? fees.feeOf(-line.refund().fee()) : fees.feeOf(line.order().totalFee());
            List<String> fields = fields(type, line, fee, fees);
            for (int i = 0; i < fields.size(); i++) {
                text.append(i == 0 ? "`" : ",`").append(clean(fields.get(i)));
            }
            text.append(CRLF);
            count++;
            poundage += fee;
            if (line.isRefund()) {
                refunded += line.refund().fee();
            } else {
                paid += line.order().totalFee();
            }
        }
        text.append(String.join(",", TOTALS)).append(CRLF);
        List<String> totals = List.of(Long.toString(count), yuan(paid), yuan(refunded), yuan(0), yuan(poundage),
                yuan(paid), yuan(refunded));
        text.append('`').append(String.join(",`", totals)).append(CRLF);
        return text.toString();
    }

    private static List<String> fields(Type type, Line line, long fee, FeeRate fees) {
        Order order = line.order();
        Refund refund = line.refund();
        List<String> fields = new ArrayList<>(type.columns().size());
        boolean refundBill = type == Type.REFUND;
        fields.add(PayTime.readable(refundBill ? order.paidAt() : line.time()));
        fields.add(order.appid());
        fields.add(order.mchId());
        fields.add("0");
        fields.add(order.deviceInfo());
        fields.add(order.transactionId());
        fields.add(order.outTradeNo());
        fields.add(order.openid());
        fields.add(order.tradeType());
        fields.add(line.isRefund() ? "REFUND" : "SUCCESS");
        fields.add("OTHERS");
        fields.add("CNY");
        // A refund line of the ALL bill settles nothing itself: its money is in the refund columns.
        fields.add(yuan(line.isRefund() && !refundBill ? 0 : order.totalFee()));
        fields.add(yuan(0));
        if (type == Type.SUCCESS) {
            fields.add(order.body());
            fields.add(order.attach());
            fields.add(yuan(fee));
            fields.add(fees.label());
            fields.add(yuan(order.totalFee()));
            fields.add("");
            return fields;
        }
        if (refundBill) {
            fields.add(PayTime.readable(refund.requestedAt()));
            fields.add(refund.succeededAt() == null ? "" : PayTime.readable(refund.succeededAt()));
        }
        fields.add(line.isRefund() ? refund.refundId() : "0");
        fields.add(line.isRefund() ? refund.outRefundNo() : "0");
        fields.add(yuan(line.isRefund() ? refund.fee() : 0));
        fields.add(yuan(0));
        fields.add(line.isRefund() ? "ORIGINAL" : "");
        fields.add(line.isRefund() ? refund.state() : "");
        fields.add(order.body());
        fields.add(order.attach());
        fields.add(yuan(fee));
        fields.add(fees.label());
        fields.add(yuan(line.isRefund() && !refundBill ? 0 : order.totalFee()));
        fields.add(yuan(line.isRefund() ? refund.fee() : 0));
        fields.add("");
        return fields;
    }

    /** Fen as yuan with two decimals, e.g. {@code 12.50} or {@code -0.07}. */
    static String yuan(long fen) {
        long abs = Math.abs(fen);
        return (fen < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        return value.replace('`', '\'').replace('\r', ' ').replace('\n', ' ');
    }

    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * WeChat's answer when there is no bill to give: {@code return_code} FAIL with {@code return_msg} and a numeric
     * {@code error_code} (20001 a malformed request, 20002 {@code No Bill Exist}), unsigned as WeChat sends it. It
     * starts with {@code <}, which is how SDKs tell it from a bill.
     */
    public static String failure(String message, int code) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "FAIL");
        fields.put("return_msg", message);
        fields.put("error_code", Integer.toString(code));
        return PayXml.write(fields);
    }
}
