package org.oaplatform.merchants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;

class PayXmlTest {

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsWxJavasPrettyPrintedRequestWithoutCdata() {
        Map<String, String> fields = PayXml.read(bytes("<xml>\n  <appid>wx0123456789abcdef</appid>\n"
                + "  <body>咖啡 x1</body>\n  <total_fee>1</total_fee>\n</xml>"));
        assertEquals(Map.of("appid", "wx0123456789abcdef", "body", "咖啡 x1", "total_fee", "1"), fields);
    }

    @Test
    void readsCdata() {
        assertEquals("a<b", PayXml.read(bytes("<xml><attach><![CDATA[a<b]]></attach></xml>")).get("attach"));
    }

    @Test
    void refusesExternalEntitiesBeforeResolvingThem() {
        BusinessException refused = assertThrows(BusinessException.class, () -> PayXml.read(bytes(
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<xml><body>&x;</body></xml>")));
        assertEquals(PayError.XML_FORMAT_ERROR, refused.code());
    }

    @Test
    void refusesWhatIsNotWeChatPayXml() {
        assertEquals(PayError.XML_FORMAT_ERROR, assertThrows(BusinessException.class,
                () -> PayXml.read(bytes("{\"appid\":\"wx\"}"))).code());
        assertEquals(PayError.XML_FORMAT_ERROR, assertThrows(BusinessException.class,
                () -> PayXml.read(bytes("<root><a>1</a></root>"))).code());
        assertEquals(PayError.POST_DATA_EMPTY, assertThrows(BusinessException.class,
                () -> PayXml.read(new byte[0])).code());
    }

    @Test
    void writesTextInCdataAndNumbersBareAndReadsItBack() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("total_fee", "1234");
        fields.put("attach", "odd ]]> text");
        fields.put("skipped", null);
        String xml = PayXml.write(fields);
        assertEquals("<xml><return_code><![CDATA[SUCCESS]]></return_code><total_fee>1234</total_fee>"
                + "<attach><![CDATA[odd ]]]]><![CDATA[> text]]></attach></xml>", xml);
        fields.remove("skipped");
        assertEquals(fields, PayXml.read(bytes(xml)));
    }
}
