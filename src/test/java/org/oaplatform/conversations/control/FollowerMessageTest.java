package org.oaplatform.conversations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.webhooks.control.PushHeader;

class FollowerMessageTest {

    private static FollowerMessage.Fields text(String content) {
        return new FollowerMessage.Fields("text", content, null, null, null, null, null, null, null, null);
    }

    private static FollowerMessage.Fields location(Double latitude, Double longitude, Integer scale) {
        return new FollowerMessage.Fields("location", null, latitude, longitude, scale, "Bund", null, null, null, null);
    }

    private static FollowerMessage.Fields link(String title, String url) {
        return new FollowerMessage.Fields("link", null, null, null, null, null, title, "about it", url, null);
    }

    private static ConversationError refusal(FollowerMessage.Fields fields) {
        return (ConversationError) assertThrows(BusinessException.class, () -> FollowerMessage.of(fields)).code();
    }

    @Test
    void textIsKeptAndPushedWithItsMsgId() {
        FollowerMessage message = FollowerMessage.of(text("hello ]]> world"));
        assertEquals(MessageType.TEXT, message.type());
        assertEquals("{\"content\":\"hello ]]> world\"}", message.json().toString());
        String xml = message.pushXml(new PushHeader("gh_0123456789ab", "oOpenid", Instant.ofEpochSecond(1)), 42L);
        assertTrue(xml.endsWith("<MsgId>42</MsgId></xml>"), xml);
    }

    @Test
    void emptyOrOverlongTextIsRefused() {
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(text("  ")));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(text(null)));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(text("字".repeat(FollowerMessage.MAX_TEXT + 1))));
        FollowerMessage.of(text("字".repeat(FollowerMessage.MAX_TEXT)));
    }

    @Test
    void aLocationNeedsCoordinatesOnTheGlobeAndAZoomLevel() {
        FollowerMessage.Location l = (FollowerMessage.Location) FollowerMessage.of(location(31.24, 121.49, null));
        assertEquals(15, l.scale());
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(location(91.0, 0.0, 10)));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(location(0.0, -180.5, 10)));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(location(null, 0.0, 10)));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(location(Double.NaN, 0.0, 10)));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(location(0.0, 0.0, 0)));
    }

    @Test
    void aLinkNeedsATitleAndAnHttpUrl() {
        assertEquals(MessageType.LINK, FollowerMessage.of(link("Docs", "https://example.com/a?b=c")).type());
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(link("Docs", "javascript:alert(1)")));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(link("Docs", "ftp://example.com/")));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(link("", "https://example.com/")));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(link("Docs", "not a url")));
    }

    private static FollowerMessage.Fields media(String type, String mediaId) {
        return new FollowerMessage.Fields(type, null, null, null, null, null, null, null, null, mediaId);
    }

    @Test
    void mediaMessagesNameTheirMediaAndThePushSaysWhatItIs() {
        FollowerMessage.MediaMessage image = (FollowerMessage.MediaMessage) FollowerMessage.of(
                media("image", "med_0123456789abcdef"));
        assertEquals(MessageType.IMAGE, image.type());
        assertEquals("{\"mediaId\":\"med_0123456789abcdef\"}", image.json().toString());
        String xml = image.with(new FollowerMessage.StoredMediaFacts("https://oa.example/p.jpg", "jpg"))
                .pushXml(new org.oaplatform.webhooks.control.PushHeader("gh_0123456789ab", "oFollower",
                        java.time.Instant.ofEpochSecond(1)), 7L);
        org.junit.jupiter.api.Assertions.assertTrue(
                xml.contains("<PicUrl><![CDATA[https://oa.example/p.jpg]]></PicUrl>"), xml);
        assertEquals(MessageType.VOICE, FollowerMessage.of(media("voice", "med_0123456789abcdef")).type());
        assertEquals(MessageType.VIDEO, FollowerMessage.of(media(" Video ", "med_0123456789abcdef")).type());
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(media("image", " ")));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(media("image", "m".repeat(65))));
    }

    @Test
    void shortVideosAndUnknownTypesAreRefused() {
        assertEquals(ConversationError.MESSAGE_TYPE_NOT_SUPPORTED, refusal(media("shortvideo", "med_1")));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(media("sticker", null)));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal(media(null, null)));
    }
}
