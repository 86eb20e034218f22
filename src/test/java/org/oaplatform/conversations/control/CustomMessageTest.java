package org.oaplatform.conversations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;

/** Reading {@code message/custom/send} bodies as WxJava writes them (spec §4.1). */
class CustomMessageTest {

    private static CustomMessage read(String json) {
        return CustomMessage.read(Json.createReader(new java.io.StringReader(json)).readObject());
    }

    private static ErrorCode refusal(String json) {
        return assertThrows(BusinessException.class, () -> read(json)).code();
    }

    @Test
    void eachTypeIsStoredWithItsFieldsAndItsMedia() {
        CustomMessage text = read("{\"touser\":\"o1\",\"msgtype\":\"text\",\"text\":{\"content\":\"Hello\"}}");
        assertEquals("o1", text.openid());
        assertEquals(MessageType.TEXT, text.type());
        assertEquals("Hello", text.content().getString("content"));
        assertEquals(List.of(), text.media());

        CustomMessage video = read("{\"touser\":\"o1\",\"msgtype\":\"video\",\"video\":{\"media_id\":\"v\","
                + "\"thumb_media_id\":\"t\",\"title\":\"T\",\"description\":\"D\"}}");
        assertEquals(List.of(new CustomMessage.MediaUse("v", MediaKind.VIDEO),
                new CustomMessage.MediaUse("t", MediaKind.THUMB)), video.media());
        assertEquals("T", video.content().getString("title"));

        CustomMessage music = read("{\"touser\":\"o1\",\"msgtype\":\"music\",\"music\":{\"title\":\"M\","
                + "\"musicurl\":\"http://m/1.mp3\",\"hqmusicurl\":\"http://m/2.mp3\",\"thumb_media_id\":\"t\"}}");
        assertEquals(List.of(new CustomMessage.MediaUse("t", MediaKind.THUMB)), music.media());
        assertEquals("http://m/2.mp3", music.content().getString("hqMusicUrl"));

        CustomMessage news = read("{\"touser\":\"o1\",\"msgtype\":\"news\",\"news\":{\"articles\":[{\"title\":\"A\","
                + "\"url\":\"https://e/\",\"picurl\":\"https://e/p.png\"}]}}");
        JsonObject article = news.content().getJsonArray("articles").getJsonObject(0);
        assertEquals("https://e/p.png", article.getString("picUrl"));

        CustomMessage menu = read("{\"touser\":\"o1\",\"msgtype\":\"msgmenu\",\"msgmenu\":{\"head_content\":\"H\","
                + "\"list\":[{\"id\":\"101\",\"content\":\"yes\"}],\"tail_content\":\"T\"}}");
        assertEquals(MessageType.MSGMENU, menu.type());
        assertEquals("101", menu.content().getJsonArray("list").getJsonObject(0).getString("id"));
    }

    @Test
    void badBodiesHaveWeChatsCodes() {
        assertEquals(WindowError.TOO_MANY_ARTICLES, refusal("{\"touser\":\"o\",\"msgtype\":\"news\",\"news\":"
                + "{\"articles\":[{\"title\":\"A\"},{\"title\":\"B\"}]}}"));
        assertEquals(ConversationError.MESSAGE_TYPE_NOT_SUPPORTED,
                refusal("{\"touser\":\"o\",\"msgtype\":\"wxcard\",\"wxcard\":{\"card_id\":\"c\"}}"));
        assertEquals(MediaError.MEDIA_ID_MISSING, refusal("{\"touser\":\"o\",\"msgtype\":\"image\",\"image\":{}}"));
        assertEquals(MediaError.MEDIA_ID_MISSING,
                refusal("{\"touser\":\"o\",\"msgtype\":\"music\",\"music\":{\"title\":\"no thumb\"}}"));
        assertEquals(MediaError.MEDIA_ID_MISSING,
                refusal("{\"touser\":\"o\",\"msgtype\":\"mpnews\",\"mpnews\":{}}"));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal("{\"touser\":\"o\",\"msgtype\":\"text\"}"));
        assertEquals(ConversationError.INVALID_MESSAGE,
                refusal("{\"touser\":\"o\",\"msgtype\":\"text\",\"text\":{\"content\":\" \"}}"));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal("{\"touser\":\"o\",\"text\":{\"content\":\"x\"}}"));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal("{\"touser\":\"o\",\"msgtype\":\"msgmenu\","
                + "\"msgmenu\":{\"list\":[]}}"));
        assertEquals(ConversationError.INVALID_MESSAGE, refusal("{\"touser\":\"o\",\"msgtype\":\"text\",\"text\":"
                + "{\"content\":\"" + "长".repeat(FollowerMessage.MAX_TEXT + 1) + "\"}}"));
    }
}
