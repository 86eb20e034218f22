package org.oaplatform.merchants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.TradeState;
import org.oaplatform.merchants.entity.TradeType;
import org.oaplatform.platform.control.BusinessException;

class RefundRulesTest {

    private static final Instant PAID = Instant.parse("2026-12-03T04:00:00Z");

    private static MerchantOrder paidOrder(long totalFee) {
        MerchantOrder order = new MerchantOrder(1, "ord_0123456789abcdef", 7, new MerchantOrder.Terms("T0001-xyz",
                TradeType.NATIVE, "Coffee", null, totalFee, "sku", null, null, "https://shop.example.com/n", "1.2.3.4",
                "MD5", "f".repeat(64), null), "wx1", "code", PAID.plusSeconds(7200), PAID.minusSeconds(60));
        order.paid(3, null, "4200" + "1".repeat(24), 9, PAID);
        return order;
    }

    private static PayError refusal(MerchantOrder order, long totalFee, long refundFee, Instant now) {
        return (PayError) assertThrows(BusinessException.class,
                () -> RefundRules.check(order, totalFee, refundFee, now)).code();
    }

    @Test
    void partialRefundsUpToWhatWasPaidAMinuteApart() {
        MerchantOrder order = paidOrder(1_000);
        Instant t = PAID.plusSeconds(10);
        RefundRules.check(order, 1_000, 400, t);
        assertEquals(1, order.refunded(400, t));
        assertEquals(TradeState.REFUND, order.state());
        assertEquals(PayError.FREQUENCY_LIMITED, refusal(order, 1_000, 100, t.plusSeconds(59)));
        Instant later = t.plus(RefundRules.SPACING);
        assertEquals(PayError.INVALID_REQUEST, refusal(order, 1_000, 601, later), "more than is left");
        RefundRules.check(order, 1_000, 600, later);
        assertEquals(2, order.refunded(600, later));
        assertEquals(PayError.ERROR, refusal(order, 1_000, 1, later.plus(RefundRules.SPACING)), "refunded in full");
        assertThrows(IllegalStateException.class, () -> order.refunded(1, later), "the entity holds the line too");
    }

    @Test
    void theOrdersTotalMustBeTheMerchantsAndTheOrderPaid() {
        MerchantOrder order = paidOrder(1_000);
        assertEquals(PayError.REFUND_FEE_MISMATCH, refusal(order, 999, 100, PAID.plusSeconds(1)));
        MerchantOrder unpaid = new MerchantOrder(2, "ord_0123456789abcdeg", 7, new MerchantOrder.Terms("T0002-xyz",
                TradeType.NATIVE, "Tea", null, 500, "sku", null, null, "https://shop.example.com/n", "1.2.3.4", "MD5",
                "e".repeat(64), null), "wx2", "code2", PAID.plusSeconds(7200), PAID);
        assertEquals(PayError.ERROR, refusal(unpaid, 500, 100, PAID.plusSeconds(1)));
    }

    @Test
    void withinAYearOfThePayment() {
        MerchantOrder order = paidOrder(1_000);
        RefundRules.check(order, 1_000, 1, PAID.plus(RefundRules.WINDOW).minusMillis(1));
        assertEquals(PayError.TRADE_OVERDUE, refusal(order, 1_000, 1, PAID.plus(RefundRules.WINDOW)));
    }

    @Test
    void fiftyRefundsAtMost() {
        MerchantOrder order = paidOrder(1_000);
        Instant t = PAID;
        for (int n = 1; n <= RefundRules.MOST_PER_ORDER; n++) {
            t = t.plus(RefundRules.SPACING);
            RefundRules.check(order, 1_000, 1, t);
            assertEquals(n, order.refunded(1, t));
        }
        assertEquals(PayError.ERROR, refusal(order, 1_000, 1, t.plus(Duration.ofHours(1))));
    }

    @Test
    void theRequestsFieldsAreCheckedBeforeAnyOrder() {
        Map<String, String> fields = new HashMap<>();
        fields.put("out_trade_no", "T0001-xyz");
        fields.put("out_refund_no", "R1");
        fields.put("total_fee", "1000");
        fields.put("refund_fee", "1000");
        RefundRequest request = RefundRequest.of(fields, UnifiedOrderTest.PUBLIC_ONLY);
        assertEquals(1000, request.refundFee());
        assertEquals(request.fingerprint(1), RefundRequest.of(fields, UnifiedOrderTest.PUBLIC_ONLY).fingerprint(1));
        assertEquals(false, request.fingerprint(1).equals(request.fingerprint(2)), "another order, another refund");

        Map<String, String> more = new HashMap<>(fields);
        more.put("refund_fee", "1001");
        assertEquals(PayError.INVALID_REQUEST, refused(more));
        Map<String, String> zero = new HashMap<>(fields);
        zero.put("refund_fee", "0");
        assertEquals(PayError.INVALID_REQUEST, refused(zero));
        Map<String, String> noOrder = new HashMap<>(fields);
        noOrder.remove("out_trade_no");
        assertEquals(PayError.LACK_PARAMS, refused(noOrder));
        Map<String, String> noNumber = new HashMap<>(fields);
        noNumber.remove("out_refund_no");
        assertEquals(PayError.LACK_PARAMS, refused(noNumber));
        Map<String, String> badNumber = new HashMap<>(fields);
        badNumber.put("out_refund_no", "R 1");
        assertEquals(PayError.INVALID_REQUEST, refused(badNumber));
        Map<String, String> privateNotify = new HashMap<>(fields);
        privateNotify.put("notify_url", "http://10.0.0.1/refunds");
        assertEquals(PayError.INVALID_REQUEST, refused(privateNotify));
        Map<String, String> dollars = new HashMap<>(fields);
        dollars.put("refund_fee_type", "USD");
        assertEquals(PayError.INVALID_REQUEST, refused(dollars));
    }

    private static PayError refused(Map<String, String> fields) {
        return (PayError) assertThrows(BusinessException.class,
                () -> RefundRequest.of(fields, UnifiedOrderTest.PUBLIC_ONLY)).code();
    }
}
