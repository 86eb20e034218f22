package org.oaplatform.merchants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.binarywang.wxpay.bean.result.WxPayBillInfo;
import com.github.binarywang.wxpay.bean.result.WxPayBillResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The bill as WxJava's {@code WxPayBillResult} reads it, and the fee rule the settlement shares with it. */
class BillTest {

    private static final FeeRate RATE = FeeRate.of("0.006");
    private static final Instant PAID = Instant.parse("2026-12-03T02:00:00Z");

    private static Bill.Order order(String number, long fen, String body) {
        return new Bill.Order(PAID, "wxd930ea5d5a258f4f", "1000010000", null, "4200" + number.repeat(24).substring(0,
                24), "T-" + number, "o" + "x".repeat(27), "NATIVE", fen, body, null);
    }

    private static List<Bill.Line> lines() {
        Bill.Order coffee = order("1", 1_250, "Coffee, large `special`");
        Bill.Order tea = order("2", 83, "Tea\nhot");
        Bill.Refund back = new Bill.Refund(PAID.plusSeconds(600), PAID.plusSeconds(601), "50" + "3".repeat(27),
                "R-1", 500, "SUCCESS");
        return List.of(new Bill.Line(coffee, null), new Bill.Line(tea, null), new Bill.Line(coffee, back));
    }

    @Test
    void allHasEveryPaymentAndRefundWithTotals() {
        String text = Bill.write(Bill.Type.ALL, lines(), RATE);
        assertTrue(text.startsWith("交易时间,公众账号ID,"), text);
        WxPayBillResult bill = WxPayBillResult.fromRawBillResultString(text, "ALL");
        assertEquals(3, bill.getBillInfoList().size(), text);
        WxPayBillInfo first = bill.getBillInfoList().get(0);
        assertEquals("2026-12-03 10:00:00", first.getTradeTime(), "Beijing time");
        assertEquals("SUCCESS", first.getTradeState());
        assertEquals("12.50", first.getTotalFee());
        assertEquals("0.08", first.getPoundage(), "0.6 % of 12.50 is 0.075, half-up");
        assertEquals("0.60%", first.getPoundageRate());
        assertEquals("Coffee  large 'special'", first.getBody(), "no backtick survives; WxJava turns commas into spaces");
        assertEquals("Tea hot", bill.getBillInfoList().get(1).getBody());
        WxPayBillInfo refund = bill.getBillInfoList().get(2);
        assertEquals("REFUND", refund.getTradeState());
        assertEquals("R-1", refund.getOutRefundNo());
        assertEquals("5.00", refund.getSettlementRefundFee());
        assertEquals("-0.03", refund.getPoundage());
        assertEquals("3", bill.getTotalRecord());
        assertEquals("13.33", bill.getTotalFee());
        assertEquals("5.00", bill.getTotalRefundFee());
        assertEquals("0.05", bill.getTotalPoundageFee(), "0.08 + 0.00 - 0.03");
    }

    @Test
    void successAndRefundBillsHaveTheirOwnColumns() {
        WxPayBillResult payments = WxPayBillResult.fromRawBillResultString(Bill.write(Bill.Type.SUCCESS, lines(),
                RATE), "SUCCESS");
        assertEquals(2, payments.getBillInfoList().size());
        assertEquals("0.83", payments.getBillInfoList().get(1).getTotalFee());
        assertEquals("0.83", payments.getBillInfoList().get(1).getTotalAmount());
        WxPayBillResult refunds = WxPayBillResult.fromRawBillResultString(Bill.write(Bill.Type.REFUND, lines(),
                RATE), "REFUND");
        assertEquals(1, refunds.getBillInfoList().size());
        WxPayBillInfo refund = refunds.getBillInfoList().get(0);
        assertEquals("2026-12-03 10:00:00", refund.getTradeTime(), "the payment's time");
        assertEquals("2026-12-03 10:10:00", refund.getRefundTime());
        assertEquals("2026-12-03 10:10:01", refund.getRefundSuccessTime());
        assertEquals("12.50", refund.getTotalFee());
        assertEquals("5.00", refunds.getTotalRefundFee());
    }

    @Test
    void gzipAndTheNoBillAnswer() throws IOException {
        String text = Bill.write(Bill.Type.ALL, lines(), RATE);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Bill.gzip(text)))) {
            assertEquals(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(Bill.failure("No Bill Exist", 20002).startsWith("<xml><return_code><![CDATA[FAIL]]>"));
    }

    @Test
    void feesAreHalfUpPerTransactionAndGivenBackOnRefunds() {
        assertEquals(8, RATE.feeOf(1_250));
        assertEquals(0, RATE.feeOf(83), "0.498 fen");
        assertEquals(1, RATE.feeOf(84), "0.504 fen");
        assertEquals(-3, RATE.feeOf(-500));
        assertEquals("0.00", Bill.yuan(0));
        assertEquals("-0.07", Bill.yuan(-7));
        assertEquals("123.45", Bill.yuan(12_345));
        assertEquals("0.60%", RATE.label());
        assertEquals("0.38%", FeeRate.of("0.0038").label());
        assertThrows(IllegalArgumentException.class, () -> FeeRate.of("0.6"));
        assertThrows(IllegalArgumentException.class, () -> FeeRate.of("-0.01"));
    }
}
