package org.oaplatform.broadcasts.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.wechatapi.control.WeChatJson;

/**
 * The message of a mass send (spec §6.1), checked: text, image (or images, up to eight), voice, mpnews (a news of
 * {@code media/uploadnews}) and mpvideo (a video of the account). Kept as the inbox shows it, in the client API's
 * camelCase; the media it names are listed for the boundary to check. Cards (wxcard) are not sent.
 */
public record BroadcastMessage(String msgType, JsonObject content, List<MediaUse> media, String newsId) {

    public static final int MAX_TEXT = 2048;
    static final int MAX_IMAGES = 8;

    /** A media the message sends, and the kind it must be. */
    public record MediaUse(String mediaId, MediaKind kind) {
    }

    public static BroadcastMessage read(JsonObject body) {
        String type = WeChatJson.string(body, "msgtype");
        if (type == null || type.isBlank()) {
            throw new BusinessException(BroadcastError.BROADCAST_TYPE_NOT_SUPPORTED, "msgtype is required");
        }
        JsonObject part = body.get(type) instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder content = JSON.createObjectBuilder();
        List<MediaUse> media = new ArrayList<>();
        String newsId = null;
        switch (type) {
            case "text" -> content.add("content", text(part));
            case "image" -> content.add("mediaId", media(part, "media_id", MediaKind.IMAGE, media));
            case "images" -> content.add("mediaIds", images(part, media));
            case "voice" -> content.add("mediaId", media(part, "media_id", MediaKind.VOICE, media));
            case "mpvideo" -> content.add("mediaId", media(part, "media_id", MediaKind.VIDEO, media))
                    .add("title", optional(part, "title")).add("description", optional(part, "description"));
            case "mpnews" -> {
                newsId = required(part, "media_id");
                content.add("mediaId", newsId);
            }
            default -> throw new BusinessException(BroadcastError.BROADCAST_TYPE_NOT_SUPPORTED,
                    "msgtype is text, image, images, voice, mpnews or mpvideo");
        }
        return new BroadcastMessage(type, content.build(), List.copyOf(media), newsId);
    }

    /**
     * The media a stored message shows its recipients: its image(s), voice or video, or the thumbnails of a news'
     * articles not deleted since ({@code deletedArticles}: 1-based indexes). What the recipients may open through the
     * broadcast.
     */
    public static Set<String> shownMedia(String msgType, JsonObject content, List<String> deletedArticles) {
        Set<String> shown = new HashSet<>();
        if ("mpnews".equals(msgType)) {
            JsonArray articles = content.getJsonArray("articles");
            for (int i = 0; articles != null && i < articles.size(); i++) {
                if (!deletedArticles.contains(Integer.toString(i + 1))) {
                    shown.add(articles.getJsonObject(i).getString("thumbMediaId", ""));
                }
            }
            return shown;
        }
        if (content.get("mediaId") instanceof JsonString id) {
            shown.add(id.getString());
        }
        if (content.get("mediaIds") instanceof JsonArray ids) {
            ids.getValuesAs(JsonString.class).forEach(id -> shown.add(id.getString()));
        }
        return shown;
    }

    private static String text(JsonObject part) {
        String text = WeChatJson.string(part, "content");
        if (text == null || text.isBlank()) {
            throw new BusinessException(BroadcastError.EMPTY_BROADCAST_TEXT, "text.content is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new BusinessException(BroadcastError.BROADCAST_TEXT_TOO_LONG,
                    "text.content has at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static JsonArray images(JsonObject part, List<MediaUse> media) {
        if (!(part.get("media_ids") instanceof JsonArray ids) || ids.isEmpty() || ids.size() > MAX_IMAGES) {
            throw new BusinessException(MediaError.MEDIA_ID_MISSING, "images.media_ids lists 1 to " + MAX_IMAGES);
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (JsonValue id : ids) {
            String mediaId = id instanceof jakarta.json.JsonString s ? s.getString() : id.toString();
            media.add(new MediaUse(mediaId, MediaKind.IMAGE));
            list.add(mediaId);
        }
        return list.build();
    }

    private static String media(JsonObject part, String field, MediaKind kind, List<MediaUse> media) {
        String id = required(part, field);
        media.add(new MediaUse(id, kind));
        return id;
    }

    private static String required(JsonObject part, String field) {
        String id = WeChatJson.string(part, field);
        if (id == null || id.isBlank()) {
            throw new BusinessException(MediaError.MEDIA_ID_MISSING, field + " is required");
        }
        return id;
    }

    private static String optional(JsonObject part, String field) {
        String value = WeChatJson.string(part, field);
        return value == null ? "" : value;
    }
}
