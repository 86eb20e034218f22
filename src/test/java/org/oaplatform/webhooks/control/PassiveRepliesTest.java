package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutNewsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oaplatform.platform.control.BusinessException;

/** Replies built by WxJava's own WxMpXmlOutMessage, read in every mode, and every way an answer can be wrong. */
class PassiveRepliesTest {

    private final SafeMode safeMode = new SafeMode(SafeModeTest.TOKEN, SafeModeTest.KEY, SafeModeTest.APPID);

    private static List<WxMpXmlOutMessage> everyKindFromWxJava() {
        WxMpXmlOutNewsMessage.Item first = new WxMpXmlOutNewsMessage.Item();
        first.setTitle("标题");
        first.setDescription("desc");
        first.setPicUrl("https://oa.example/p.png");
        first.setUrl("https://oa.example/a?x=1&y=2");
        WxMpXmlOutNewsMessage.Item second = new WxMpXmlOutNewsMessage.Item();
        second.setTitle("second");
        return List.of(
                WxMpXmlOutMessage.TEXT().content("回复 <ok> & done").fromUser("gh_123").toUser("oFollower").build(),
                WxMpXmlOutMessage.IMAGE().mediaId("IMG").fromUser("gh_123").toUser("oFollower").build(),
                WxMpXmlOutMessage.VOICE().mediaId("VOICE").fromUser("gh_123").toUser("oFollower").build(),
                WxMpXmlOutMessage.VIDEO().mediaId("VID").title("t").description("d").fromUser("gh_123")
                        .toUser("oFollower").build(),
                WxMpXmlOutMessage.MUSIC().title("song").description("d").musicUrl("https://m.example/a.mp3")
                        .hqMusicUrl("https://m.example/hq.mp3").thumbMediaId("THUMB").fromUser("gh_123")
                        .toUser("oFollower").build(),
                WxMpXmlOutMessage.NEWS().addArticle(first, second).fromUser("gh_123").toUser("oFollower").build());
    }

    private static List<PassiveReply.Content> theSameKinds() {
        return List.of(new PassiveReply.Text("回复 <ok> & done"), new PassiveReply.Image("IMG"),
                new PassiveReply.Voice("VOICE"), new PassiveReply.Video("VID", "t", "d"),
                new PassiveReply.Music("song", "d", "https://m.example/a.mp3", "https://m.example/hq.mp3", "THUMB"),
                new PassiveReply.News(List.of(
                        new PassiveReply.Article("标题", "desc", "https://oa.example/p.png", "https://oa.example/a?x=1&y=2"),
                        new PassiveReply.Article("second", "", "", ""))));
    }

    @ParameterizedTest
    @EnumSource(PushMode.class)
    void readsEveryKindWxJavaBuildsInEveryMode(PushMode mode) {
        List<WxMpXmlOutMessage> built = everyKindFromWxJava();
        for (int i = 0; i < built.size(); i++) {
            WxMpXmlOutMessage message = built.get(i);
            String body = mode == PushMode.SAFE ? message.toEncryptedXml(SafeModeTest.wxJavaConfig()) : message.toXml();
            PassiveReply reply = read(body, mode).orElseThrow();
            assertEquals("oFollower", reply.toUser());
            assertEquals("gh_123", reply.fromUser());
            assertEquals(message.getCreateTime(), reply.createTime());
            assertEquals(theSameKinds().get(i), reply.content());
        }
    }

    @Test
    void compatibleModeTakesEncryptedRepliesToo() {
        String encrypted = WxMpXmlOutMessage.TEXT().content("hi").fromUser("gh_123").toUser("oFollower").build()
                .toEncryptedXml(SafeModeTest.wxJavaConfig());
        assertEquals(new PassiveReply.Text("hi"), read(encrypted, PushMode.COMPATIBLE).orElseThrow().content());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "success", " success\r\n", "\n"})
    void successOrNothingMeansNoReply(String body) {
        for (PushMode mode : PushMode.values()) {
            assertEquals(Optional.empty(), read(body, mode));
        }
    }

    /** WxJava writes text into CDATA unsplit, so "]]>" in a reply makes it malformed: refused, never half-read. */
    @Test
    void refusesWxJavasReplyWithACdataTerminatorInside() {
        String broken = WxMpXmlOutMessage.TEXT().content("a ]]> b").fromUser("gh_123").toUser("oFollower").build()
                .toXml();
        assertRefused(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, broken, PushMode.PLAIN);
    }

    @Test
    void aHandOverToCustomerServiceShowsNothing() {
        String transfer = WxMpXmlOutMessage.TRANSFER_CUSTOMER_SERVICE().fromUser("gh_123").toUser("oFollower").build()
                .toXml();
        assertEquals(Optional.empty(), read(transfer, PushMode.PLAIN));
    }

    @Test
    void keepsTheFirstEightArticlesWhateverArticleCountSays() {
        String items = IntStream.range(0, 10).mapToObj(i -> "<item><Title><![CDATA[" + i + "]]></Title></item>")
                .reduce("", String::concat);
        PassiveReply.News news = (PassiveReply.News) read(reply("news", "<ArticleCount>1</ArticleCount><Articles>"
                + items + "</Articles>"), PushMode.PLAIN).orElseThrow().content();
        assertEquals(8, news.articles().size());
        assertEquals("7", news.articles().get(7).title());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"errcode\":0}",
        "<html><body>502 Bad Gateway</body></html>",
        "<xml><ToUserName>unclosed",
        "<xml><ToUserName>o</ToUserName><FromUserName>g</FromUserName><CreateTime>1</CreateTime></xml>",
        "<xml><ToUserName>o</ToUserName><FromUserName>g</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>miniprogrampage</MsgType></xml>",
        "<xml><ToUserName>o</ToUserName><FromUserName>g</FromUserName><CreateTime>soon</CreateTime>"
                + "<MsgType>text</MsgType><Content>x</Content></xml>",
        "<xml><FromUserName>g</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content></xml>",
        "<xml><ToUserName>o</ToUserName><FromUserName>g</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content><![CDATA[ ]]></Content></xml>",
        "<xml><ToUserName>o</ToUserName><FromUserName>g</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>image</MsgType><MediaId>flat, not inside Image</MediaId></xml>",
        "<xml><ToUserName>o</ToUserName><FromUserName>g</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>music</MsgType><Music><Title>no thumb</Title></Music></xml>",
        "<xml><ToUserName>o</ToUserName><FromUserName>g</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>news</MsgType><ArticleCount>0</ArticleCount><Articles></Articles></xml>",
        "<reply><MsgType>text</MsgType></reply>"})
    void refusesWhatIsNotAReply(String body) {
        assertRefused(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, body, PushMode.PLAIN);
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
                + reply("text", "<Content>&secret;</Content>");
        assertRefused(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, xxe, PushMode.PLAIN);
        String externalDtd = "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\">" + reply("text", "<Content>x</Content>");
        assertRefused(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, externalDtd, PushMode.PLAIN);
    }

    @Test
    void refusesEntityExpansionAtOnce() {
        StringBuilder laughs = new StringBuilder("<!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String bomb = laughs.append("]>").append(reply("text", "<Content>&lol9;</Content>")).toString();
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertRefused(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, bomb, PushMode.PLAIN));
    }

    @Test
    void refusesAnswersAboveTheCapBeforeParsing() {
        String big = reply("text", "<Content>" + "x".repeat(UntrustedXml.MAX_BYTES) + "</Content>");
        for (PushMode mode : PushMode.values()) {
            assertRefused(WebhookError.WEBHOOK_PAYLOAD_TOO_LARGE, big, mode);
        }
    }

    @Test
    void safeModeRefusesAPlainReply() {
        assertRefused(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, reply("text", "<Content>x</Content>"), PushMode.SAFE);
    }

    @Test
    void aPlainPushGetsNoEncryptedReply() {
        String encrypted = safeMode.sealReply(reply("text", "<Content>x</Content>"), "1", "n");
        BusinessException refused = assertThrows(BusinessException.class,
                () -> PassiveReplies.read(encrypted.getBytes(StandardCharsets.UTF_8), PushMode.PLAIN, null));
        assertEquals(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, refused.code());
    }

    @Test
    void refusesAnEncryptedReplyWithAForgedSignatureOrMalformedInside() {
        String forged = safeMode.sealReply(reply("text", "<Content>x</Content>"), "1", "n")
                .replaceFirst("<MsgSignature><!\\[CDATA\\[[0-9a-f]{40}", "<MsgSignature><![CDATA[" + "0".repeat(40));
        assertRefused(WebhookError.WEBHOOK_SIGNATURE_MISMATCH, forged, PushMode.SAFE);
        assertRefused(WebhookError.WEBHOOK_PAYLOAD_MALFORMED, safeMode.sealReply("{\"json\":1}", "1", "n"),
                PushMode.SAFE);
        assertEquals(Optional.empty(), read(safeMode.sealReply("success", "1", "n"), PushMode.SAFE));
    }

    private Optional<PassiveReply> read(String body, PushMode mode) {
        return PassiveReplies.read(body.getBytes(StandardCharsets.UTF_8), mode, mode == PushMode.PLAIN ? null : safeMode);
    }

    private void assertRefused(WebhookError expected, String body, PushMode mode) {
        BusinessException refused = assertThrows(BusinessException.class, () -> read(body, mode));
        assertEquals(expected, refused.code(), refused.getMessage());
        assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
    }

    private static String reply(String msgType, String fields) {
        return "<xml><ToUserName><![CDATA[oFollower]]></ToUserName><FromUserName><![CDATA[gh_123]]></FromUserName>"
                + "<CreateTime>1714036600</CreateTime><MsgType><![CDATA[" + msgType + "]]></MsgType>" + fields + "</xml>";
    }
}
