package org.oaplatform.merchants.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When an unpaid order ends, and that no code outlives it. */
class MerchantOrderTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void withoutTimeExpireAnUnpaidOrderEndsAWeekAfterItWasPlaced() {
        MerchantOrder order = order(null, T0.plus(Duration.ofHours(2)));
        assertEquals(T0.plus(Duration.ofDays(7)), order.closesAt());
        assertFalse(order.closeIfUnpaidAt(T0.plus(Duration.ofDays(7)).minusMillis(1)));
        assertEquals(TradeState.NOTPAY, order.state());
        assertTrue(order.closeIfUnpaidAt(T0.plus(Duration.ofDays(7))));
        assertEquals(TradeState.CLOSED, order.state());
        assertFalse(order.closeIfUnpaidAt(T0.plus(Duration.ofDays(8))), "closed once");
    }

    @Test
    void withTimeExpireItEndsThenAndNoCodeIsPayableBeyondIt() {
        Instant expire = T0.plus(Duration.ofMinutes(90));
        MerchantOrder order = order(expire, T0.plus(Duration.ofHours(2)));
        assertEquals(expire, order.closesAt());
        assertEquals(expire, order.payableUntil(), "the code ends with the order");
        MerchantOrder weekLong = order(null, T0.plus(Duration.ofHours(2)));
        weekLong.reissue("wx2", "code2", T0.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        assertEquals(T0.plus(Duration.ofDays(7)), weekLong.payableUntil(), "a late reissue stops at the order's end");
    }

    @Test
    void aPaidOrderIsNotClosed() {
        MerchantOrder order = order(null, T0.plus(Duration.ofHours(2)));
        order.paid(1, "openid", "4200", 9, T0.plusSeconds(5));
        assertFalse(order.closeIfUnpaidAt(T0.plus(Duration.ofDays(30))));
        assertEquals(TradeState.SUCCESS, order.state());
    }

    private static MerchantOrder order(Instant timeExpire, Instant payableUntil) {
        MerchantOrder.Terms terms = new MerchantOrder.Terms("T1", TradeType.NATIVE, "tea", null, 100, "p1", null, null,
                "https://shop.example.com/notify", "203.0.113.7", "MD5", "f", timeExpire);
        return new MerchantOrder(1, "ord_1", 2, terms, "wx1", "code1", payableUntil, T0);
    }
}
