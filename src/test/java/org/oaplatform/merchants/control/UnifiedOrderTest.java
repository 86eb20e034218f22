package org.oaplatform.merchants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oaplatform.merchants.entity.TradeType;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.webhooks.control.OutboundUrlPolicy;

class UnifiedOrderTest {

    static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");
    static final OutboundUrlPolicy PUBLIC_ONLY = new OutboundUrlPolicy(false);

    static Map<String, String> nativeOrder() {
        Map<String, String> fields = new HashMap<>();
        fields.put("appid", "wx0123456789abcdef");
        fields.put("mch_id", "1230000109");
        fields.put("nonce_str", "1733198400000");
        fields.put("body", "Coffee");
        fields.put("out_trade_no", "T20261203-0001");
        fields.put("total_fee", "1250");
        fields.put("spbill_create_ip", "203.0.113.7");
        fields.put("notify_url", "https://shop.example.com/wxpay/notify");
        fields.put("trade_type", "NATIVE");
        fields.put("product_id", "sku-1");
        return fields;
    }

    private static PayError refusal(Map<String, String> fields) {
        return (PayError) assertThrows(BusinessException.class, () -> UnifiedOrder.of(fields, PUBLIC_ONLY, NOW))
                .code();
    }

    @Test
    void acceptsANativeOrderPayableForTwoHours() {
        UnifiedOrder order = UnifiedOrder.of(nativeOrder(), PUBLIC_ONLY, NOW);
        assertEquals(TradeType.NATIVE, order.tradeType());
        assertEquals(1250, order.totalFee());
        assertEquals(NOW.plus(Duration.ofHours(2)), order.payableUntil(NOW));
    }

    @Test
    void anEarlierTimeExpireShortensThePayableTime() {
        Map<String, String> fields = nativeOrder();
        fields.put("time_expire", "20261203123000"); // 04:30 UTC
        assertEquals(Instant.parse("2026-12-03T04:30:00Z"), UnifiedOrder.of(fields, PUBLIC_ONLY, NOW)
                .payableUntil(NOW));
        fields.put("time_expire", "20261203120000"); // now
        assertEquals(PayError.INVALID_REQUEST, refusal(fields));
    }

    @Test
    void missingFieldsLackParams() {
        for (String field : new String[] {"body", "out_trade_no", "total_fee", "spbill_create_ip", "notify_url",
            "trade_type", "product_id"}) {
            Map<String, String> fields = nativeOrder();
            fields.remove(field);
            assertEquals(PayError.LACK_PARAMS, refusal(fields), field);
        }
        Map<String, String> jsapi = nativeOrder();
        jsapi.put("trade_type", "JSAPI");
        assertEquals(PayError.LACK_PARAMS, refusal(jsapi), "JSAPI without openid");
    }

    @Test
    void badValuesAreInvalidRequests() {
        Map<String, Map.Entry<String, String>> bad = Map.of(
                "zero", Map.entry("total_fee", "0"),
                "negative", Map.entry("total_fee", "-5"),
                "decimal", Map.entry("total_fee", "12.50"),
                "too much", Map.entry("total_fee", "5000001"),
                "short number", Map.entry("out_trade_no", "T1"),
                "odd characters", Map.entry("out_trade_no", "订单号123456"),
                "query string", Map.entry("notify_url", "https://shop.example.com/n?x=1"),
                "private address", Map.entry("notify_url", "http://10.0.0.8/notify"),
                "other currency", Map.entry("fee_type", "USD"),
                "micropay", Map.entry("trade_type", "MICROPAY"));
        bad.forEach((why, field) -> {
            Map<String, String> fields = nativeOrder();
            fields.put(field.getKey(), field.getValue());
            assertEquals(PayError.INVALID_REQUEST, refusal(fields), why);
        });
    }

    @Test
    void theFingerprintIgnoresNonceSignatureAndClientIpButNotTheOrder() {
        Map<String, String> again = nativeOrder();
        again.put("nonce_str", "other");
        again.put("sign", "X");
        again.put("spbill_create_ip", "198.51.100.1");
        assertEquals(UnifiedOrder.fingerprint(nativeOrder()), UnifiedOrder.fingerprint(again));
        again.put("total_fee", "1251");
        assertNotEquals(UnifiedOrder.fingerprint(nativeOrder()), UnifiedOrder.fingerprint(again));
    }
}
