package org.oaplatform.conversations.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.wechatapi.control.WeChatJson;

/**
 * A {@code message/custom/send} body (spec §4.1), checked: the receiver's openid, the message as the conversation
 * stores it (its fields in the client API's camelCase, as {@link AccountReplies} stores passive replies), and the
 * media ids it sends with the kind each must be. Checking that the media exist and are the account's is the media
 * component's, in the sending transaction.
 */
public record CustomMessage(String openid, String msgType, MessageType type, JsonObject content,
        List<MediaUse> media) {

    /** How many entries a {@code msgmenu} may list; WeChat's page shows a handful, we refuse lists a phone cannot show. */
    public static final int MAX_MENU_ENTRIES = 10;

    private static final List<String> KNOWN = List.of("text", "image", "voice", "video", "music", "news", "mpnews",
            "msgmenu");

    /** A media id the message sends, and the kind it must be. */
    public record MediaUse(String mediaId, MediaKind kind) {
    }

    public static CustomMessage read(JsonObject body) {
        String openid = WeChatJson.string(body, "touser");
        String msgType = WeChatJson.string(body, "msgtype");
        if (msgType == null || msgType.isBlank()) {
            throw invalid("msgtype is required");
        }
        Builder message = new Builder(openid == null ? "" : openid, msgType);
        JsonObject part = KNOWN.contains(msgType) ? part(body, msgType) : null;
        switch (msgType) {
            case "text" -> message.type(MessageType.TEXT)
                    .put("content", required(part, "content", FollowerMessage.MAX_TEXT));
            case "image" -> message.type(MessageType.IMAGE).media("mediaId", part, "media_id", MediaKind.IMAGE);
            case "voice" -> message.type(MessageType.VOICE).media("mediaId", part, "media_id", MediaKind.VOICE);
            case "video" -> message.type(MessageType.VIDEO).media("mediaId", part, "media_id", MediaKind.VIDEO)
                    .optionalMedia("thumbMediaId", part, "thumb_media_id", MediaKind.THUMB)
                    .put("title", optional(part, "title", FollowerMessage.MAX_TITLE))
                    .put("description", optional(part, "description", FollowerMessage.MAX_DESCRIPTION));
            case "music" -> message.type(MessageType.MUSIC)
                    .put("title", optional(part, "title", FollowerMessage.MAX_TITLE))
                    .put("description", optional(part, "description", FollowerMessage.MAX_DESCRIPTION))
                    .put("musicUrl", optional(part, "musicurl", FollowerMessage.MAX_URL))
                    .put("hqMusicUrl", optional(part, "hqmusicurl", FollowerMessage.MAX_URL))
                    .media("thumbMediaId", part, "thumb_media_id", MediaKind.THUMB);
            case "news" -> message.type(MessageType.NEWS).news(part);
            case "mpnews" -> message.type(MessageType.MPNEWS).mpnews(part);
            case "msgmenu" -> message.type(MessageType.MSGMENU).msgmenu(part);
            default -> throw new BusinessException(ConversationError.MESSAGE_TYPE_NOT_SUPPORTED,
                    "invalid message type " + msgType + "; supported: text, image, voice, video, music, news,"
                            + " mpnews, msgmenu");
        }
        return message.build();
    }

    private static JsonObject part(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonObject object)) {
            throw invalid(name + " is required: an object");
        }
        return object;
    }

    private static String required(JsonObject part, String name, int max) {
        String value = optional(part, name, max);
        if (value.isBlank()) {
            throw invalid(name + " is required");
        }
        return value;
    }

    private static String optional(JsonObject part, String name, int max) {
        String value = WeChatJson.string(part, name);
        String text = value == null ? "" : value;
        if (text.codePointCount(0, text.length()) > max) {
            throw invalid(name + " has at most " + max + " characters");
        }
        return text;
    }

    private static BusinessException invalid(String detail) {
        return new BusinessException(ConversationError.INVALID_MESSAGE, detail);
    }

    /** Collects the stored content and the media uses while the body is read. */
    private static final class Builder {
        private final String openid;
        private final String msgType;
        private final JsonObjectBuilder content = JSON.createObjectBuilder();
        private final List<MediaUse> media = new ArrayList<>();
        private MessageType type;

        Builder(String openid, String msgType) {
            this.openid = openid;
            this.msgType = msgType;
        }

        Builder type(MessageType messageType) {
            this.type = messageType;
            return this;
        }

        Builder put(String name, String value) {
            content.add(name, value);
            return this;
        }

        Builder media(String name, JsonObject part, String field, MediaKind kind) {
            String id = WeChatJson.string(part, field);
            if (id == null || id.isBlank()) {
                throw new BusinessException(MediaError.MEDIA_ID_MISSING, field + " is required");
            }
            media.add(new MediaUse(id, kind));
            return put(name, id);
        }

        Builder optionalMedia(String name, JsonObject part, String field, MediaKind kind) {
            String id = WeChatJson.string(part, field);
            return id == null || id.isEmpty() ? this : media(name, part, field, kind);
        }

        /** One article only (45008 otherwise), as WeChat's customer-service news. */
        Builder news(JsonObject part) {
            JsonValue value = part.get("articles");
            if (!(value instanceof JsonArray articles) || articles.isEmpty()) {
                throw invalid("news.articles is required: one article");
            }
            if (articles.size() > 1) {
                throw new BusinessException(WindowError.TOO_MANY_ARTICLES, "a news message has one article, not "
                        + articles.size());
            }
            if (!(articles.get(0) instanceof JsonObject article)) {
                throw invalid("news.articles[0] is an object");
            }
            JsonObject stored = JSON.createObjectBuilder()
                    .add("title", required(article, "title", FollowerMessage.MAX_TITLE))
                    .add("description", optional(article, "description", FollowerMessage.MAX_DESCRIPTION))
                    .add("url", optional(article, "url", FollowerMessage.MAX_URL))
                    .add("picUrl", optional(article, "picurl", FollowerMessage.MAX_URL)).build();
            content.add("articles", JSON.createArrayBuilder().add(stored));
            return this;
        }

        Builder mpnews(JsonObject part) {
            String id = WeChatJson.string(part, "media_id");
            if (id == null || id.isBlank()) {
                throw new BusinessException(MediaError.MEDIA_ID_MISSING, "media_id is required");
            }
            // the articles are the media component's: CustomMessages puts them in the content once it found the news
            return put("mediaId", id);
        }

        Builder msgmenu(JsonObject part) {
            JsonValue value = part.get("list");
            if (!(value instanceof JsonArray list) || list.isEmpty() || list.size() > MAX_MENU_ENTRIES) {
                throw invalid("msgmenu.list has 1 to " + MAX_MENU_ENTRIES + " entries");
            }
            JsonArrayBuilder entries = JSON.createArrayBuilder();
            for (JsonValue entry : list) {
                if (!(entry instanceof JsonObject item)) {
                    throw invalid("msgmenu.list entries are objects with id and content");
                }
                entries.add(JSON.createObjectBuilder().add("id", required(item, "id", 64))
                        .add("content", required(item, "content", FollowerMessage.MAX_TITLE)));
            }
            content.add("headContent", optional(part, "head_content", FollowerMessage.MAX_TEXT))
                    .add("list", entries)
                    .add("tailContent", optional(part, "tail_content", FollowerMessage.MAX_TEXT));
            return this;
        }

        CustomMessage build() {
            return new CustomMessage(openid, msgType, type, content.build(), List.copyOf(media));
        }
    }
}
