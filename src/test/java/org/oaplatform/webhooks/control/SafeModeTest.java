package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;

/** Our sealed pushes opened by WxJava exactly as a developer server built on it opens them. */
class SafeModeTest {

    static final String TOKEN = "pushtoken";
    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFg";
    static final String APPID = "wx1234567890abcdef";

    private final SafeMode safeMode = new SafeMode(TOKEN, KEY, APPID);
    private final String push = PushXml.text(new PushHeader("gh_123", "oFollower", Instant.ofEpochSecond(1714036504)),
            "加密 hello", 42);

    static WxMpDefaultConfigImpl wxJavaConfig() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setToken(TOKEN);
        config.setAesKey(KEY);
        config.setAppId(APPID);
        return config;
    }

    @Test
    void wxJavaOpensASafeModePush() {
        SafeMode.SealedPush sealed = safeMode.seal(push, "gh_123", PushMode.SAFE, "1714036505", "n0nce");
        assertFalse(sealed.body().contains("hello"));
        assertTrue(sealed.body().startsWith("<xml><ToUserName><![CDATA[gh_123]]></ToUserName><Encrypt><![CDATA["));
        WxMpXmlMessage opened = WxMpXmlMessage.fromEncryptedXml(sealed.body(), wxJavaConfig(), "1714036505", "n0nce",
                sealed.msgSignature());
        assertEquals("gh_123", opened.getToUser());
        assertEquals("oFollower", opened.getFromUser());
        assertEquals("加密 hello", opened.getContent());
        assertEquals(42L, opened.getMsgId());
    }

    @Test
    void aCompatiblePushReadsPlainAndEncrypted() {
        SafeMode.SealedPush sealed = safeMode.seal(push, "gh_123", PushMode.COMPATIBLE, "1714036505", "n0nce");
        assertEquals("加密 hello", WxMpXmlMessage.fromXml(sealed.body()).getContent());
        assertEquals("加密 hello", WxMpXmlMessage.fromEncryptedXml(sealed.body(), wxJavaConfig(), "1714036505", "n0nce",
                sealed.msgSignature()).getContent());
    }

    @Test
    void wxJavaRefusesASignatureForOtherParameters() {
        SafeMode.SealedPush sealed = safeMode.seal(push, "gh_123", PushMode.SAFE, "1714036505", "n0nce");
        assertThrows(RuntimeException.class, () -> WxMpXmlMessage.fromEncryptedXml(sealed.body(), wxJavaConfig(),
                "1714036506", "n0nce", sealed.msgSignature()));
    }

    @Test
    void aPlainPushIsNotSealed() {
        assertThrows(IllegalArgumentException.class, () -> safeMode.seal(push, "gh_123", PushMode.PLAIN, "1", "n"));
    }

    @Test
    void sealsRepliesInWxJavasEnvelopeAndOpensThem() {
        String reply = "<xml><ToUserName><![CDATA[oFollower]]></ToUserName></xml>";
        String envelope = safeMode.sealReply(reply, "1714036509", "abc");
        assertTrue(envelope.matches("<xml><Encrypt><!\\[CDATA\\[[A-Za-z0-9+/=]+]]></Encrypt>"
                + "<MsgSignature><!\\[CDATA\\[[0-9a-f]{40}]]></MsgSignature><TimeStamp>1714036509</TimeStamp>"
                + "<Nonce><!\\[CDATA\\[abc]]></Nonce></xml>"), envelope);
        assertEquals(reply, safeMode.openReply(envelope.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesAReplyWhoseSignatureDoesNotMatch() {
        String envelope = safeMode.sealReply("<xml/>", "1714036509", "abc");
        String otherTime = envelope.replace("<TimeStamp>1714036509</TimeStamp>", "<TimeStamp>1714036510</TimeStamp>");
        BusinessException refused = assertThrows(BusinessException.class,
                () -> safeMode.openReply(otherTime.getBytes(StandardCharsets.UTF_8)));
        assertEquals(WebhookError.WEBHOOK_SIGNATURE_MISMATCH, refused.code());
        String otherToken = new SafeMode("othertoken", KEY, APPID).sealReply("<xml/>", "1714036509", "abc");
        assertEquals(WebhookError.WEBHOOK_SIGNATURE_MISMATCH, assertThrows(BusinessException.class,
                () -> safeMode.openReply(otherToken.getBytes(StandardCharsets.UTF_8))).code());
    }

    @Test
    void refusesAnEnvelopeWithoutItsParts() {
        BusinessException refused = assertThrows(BusinessException.class, () -> safeMode.openReply(
                "<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, refused.code());
    }
}
