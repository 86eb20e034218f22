package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;

/** What a WxJava-based server does with our requests: check the signature from the query, then read the body. */
class PushRequestsTest {

    private static final URI SERVER = URI.create("https://dev.example.com/wx/portal?tenant=7");
    private final SafeMode safeMode = new SafeMode(SafeModeTest.TOKEN, SafeModeTest.KEY, SafeModeTest.APPID);
    private final WxMpServiceImpl wxJava = new WxMpServiceImpl();
    private final String push = PushXml.click(new PushHeader("gh_123", "oFollower", Instant.ofEpochSecond(1714036504)),
            "MENU_KEY");

    PushRequestsTest() {
        wxJava.setWxMpConfigStorage(SafeModeTest.wxJavaConfig());
    }

    @Test
    void theHandshakeIsSignedAsWxJavaChecksIt() {
        String echostr = PushRequests.newEchostr();
        URI verification = PushRequests.verification(SERVER, SafeModeTest.TOKEN, "1714036504", "1514711492", echostr);
        Map<String, String> query = query(verification);
        assertEquals("7", query.get("tenant"));
        assertEquals(echostr, query.get("echostr"));
        assertTrue(wxJava.checkSignature(query.get("timestamp"), query.get("nonce"), query.get("signature")));
        assertTrue(verification.toString().startsWith("https://dev.example.com/wx/portal?tenant=7&signature="));
    }

    @Test
    void acceptsOnlyTheEchoItself() {
        assertTrue(PushRequests.echoed("12345\n".getBytes(StandardCharsets.UTF_8), "12345"));
        assertFalse(PushRequests.echoed("<html>12345</html>".getBytes(StandardCharsets.UTF_8), "12345"));
        assertFalse(PushRequests.echoed(new byte[0], "12345"));
        assertFalse(PushRequests.echoed("success".getBytes(StandardCharsets.UTF_8), "12345"));
    }

    @Test
    void aPlainPushCarriesTheSignatureAndTheOpenid() {
        PushRequests.PushRequest request = PushRequests.push(SERVER, SafeModeTest.TOKEN, PushMode.PLAIN, null,
                "gh_123", "oFollower", push, "1714036504", "1514711492");
        Map<String, String> query = query(request.uri());
        assertTrue(wxJava.checkSignature(query.get("timestamp"), query.get("nonce"), query.get("signature")));
        assertEquals("oFollower", query.get("openid"));
        assertNull(query.get("encrypt_type"));
        assertEquals(push, request.body());
        assertEquals("MENU_KEY", WxMpXmlMessage.fromXml(request.body()).getEventKey());
    }

    @Test
    void aSafePushOpensWithTheQuerysMsgSignature() {
        PushRequests.PushRequest request = PushRequests.push(URI.create("http://dev.example.com/wx"),
                SafeModeTest.TOKEN, PushMode.SAFE, safeMode, "gh_123", "oFollower", push, "1714036504",
                PushRequests.newNonce());
        Map<String, String> query = query(request.uri());
        assertEquals("aes", query.get("encrypt_type"));
        assertTrue(wxJava.checkSignature(query.get("timestamp"), query.get("nonce"), query.get("signature")));
        WxMpXmlMessage opened = WxMpXmlMessage.fromEncryptedXml(request.body(), SafeModeTest.wxJavaConfig(),
                query.get("timestamp"), query.get("nonce"), query.get("msg_signature"));
        assertEquals("MENU_KEY", opened.getEventKey());
        assertEquals("CLICK", opened.getEvent());
    }

    @Test
    void noncesAndEchostrsAreFreshDecimalNumbers() {
        assertTrue(PushRequests.newNonce().matches("[1-9]\\d{0,9}"));
        assertTrue(PushRequests.newEchostr().matches("[1-9]\\d{18}"));
        assertFalse(PushRequests.newEchostr().equals(PushRequests.newEchostr()));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
