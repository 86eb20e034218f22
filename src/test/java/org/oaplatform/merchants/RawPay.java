package org.oaplatform.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oaplatform.merchants.control.PaySignature;
import org.oaplatform.merchants.control.PaySignature.SignType;
import org.oaplatform.merchants.control.PayXml;
import org.oaplatform.testsupport.Api;

/** What no SDK sends: hand-made XML, to check the answers to malformed, unsigned and incomplete requests. */
final class RawPay {

    private RawPay() {
    }

    static Map<String, String> signedOrder(String appid, String mchId, String key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", appid);
        fields.put("mch_id", mchId);
        fields.put("nonce_str", "n" + System.nanoTime());
        fields.put("body", "raw");
        fields.put("out_trade_no", "RAW" + System.nanoTime());
        fields.put("total_fee", "100");
        fields.put("spbill_create_ip", "203.0.113.7");
        fields.put("notify_url", "https://shop.example.com/notify");
        fields.put("trade_type", "NATIVE");
        fields.put("product_id", "p1");
        return fields;
    }

    static Map<String, String> post(Api api, String path, String xml) {
        Api.Reply reply = api.post(path, xml, "text/xml");
        assertEquals(200, reply.status(), "WeChat Pay answers 200 whatever happened: " + reply.text());
        assertTrue(reply.contentType().startsWith("text/xml"), reply.contentType());
        return PayXml.read(reply.text().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> postSigned(Api api, Map<String, String> fields, String key) {
        fields.put("sign", PaySignature.sign(fields, SignType.MD5, key));
        return post(api, "pay/unifiedorder", PayXml.write(fields));
    }

    static void assertProtocolErrors(Api api, String appid, String mchId, String key) {
        Map<String, String> missing = signedOrder(appid, mchId, key);
        missing.remove("out_trade_no");
        Map<String, String> lacking = postSigned(api, missing, key);
        assertEquals("SUCCESS", lacking.get("return_code"));
        assertEquals("LACK_PARAMS", lacking.get("err_code"), lacking.toString());
        assertTrue(PaySignature.verify(lacking, SignType.MD5, key), "a signed request's error answer is signed");

        Map<String, String> free = signedOrder(appid, mchId, key);
        free.put("total_fee", "0");
        assertEquals("INVALID_REQUEST", postSigned(api, free, key).get("err_code"));

        Map<String, String> unsigned = signedOrder(appid, mchId, key);
        Map<String, String> noSign = post(api, "pay/unifiedorder", PayXml.write(unsigned));
        assertEquals("FAIL", noSign.get("return_code"));
        assertEquals("LACK_PARAMS", noSign.get("err_code"));
        assertFalse(noSign.containsKey("sign"), "nothing proved the caller holds the key");

        Map<String, String> xxe = post(api, "pay/orderquery", "<?xml version=\"1.0\"?><!DOCTYPE xml ["
                + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><mch_id>&x;</mch_id></xml>");
        assertEquals("XML_FORMAT_ERROR", xxe.get("err_code"), xxe.toString());
        assertFalse(xxe.toString().contains("root:"), "no file was read");
        assertEquals("XML_FORMAT_ERROR", post(api, "pay/unifiedorder", "{\"errcode\":0}").get("err_code"));
        assertEquals("POST_DATA_EMPTY", post(api, "pay/closeorder", "").get("err_code"));

        Api.Reply get = api.get("pay/unifiedorder");
        assertEquals(200, get.status(), get.text());
        assertEquals("REQUIRE_POST_METHOD", PayXml.read(get.text().getBytes(StandardCharsets.UTF_8))
                .get("err_code"));
        Map<String, String> unknownApi = post(api, "pay/micropay", PayXml.write(signedOrder(appid, mchId, key)));
        assertEquals("FAIL", unknownApi.get("return_code"), unknownApi.toString());
    }
}
