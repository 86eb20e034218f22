package org.oaplatform.conversations.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.webhooks.control.PushHeader;
import org.oaplatform.webhooks.control.PushXml;

/**
 * What a follower writes, checked: text, an image, voice or video (by media id), a location or a link, with WeChat's
 * fields. {@link #of} is the only way in,
 * so a message that exists is valid. {@link #json} is what the conversation stores.
 */
public sealed interface FollowerMessage {

    int MAX_TEXT = 2000;
    int MAX_LABEL = 200;
    int MAX_TITLE = 100;
    int MAX_DESCRIPTION = 500;
    int MAX_URL = 1024;
    int MAX_MEDIA_ID = 64;

    MessageType type();

    JsonObject json();

    /** The push of this message to the account's developer server (spec §2.2). */
    String pushXml(PushHeader header, long msgId);

    record Text(String content) implements FollowerMessage {
        public MessageType type() {
            return MessageType.TEXT;
        }

        public String pushXml(PushHeader header, long msgId) {
            return PushXml.text(header, content, msgId);
        }

        public JsonObject json() {
            return JSON.createObjectBuilder().add("content", content).build();
        }
    }

    record Location(double latitude, double longitude, int scale, String label) implements FollowerMessage {
        public MessageType type() {
            return MessageType.LOCATION;
        }

        public String pushXml(PushHeader header, long msgId) {
            return PushXml.location(header, latitude, longitude, scale, label, msgId);
        }

        public JsonObject json() {
            return JSON.createObjectBuilder().add("latitude", latitude).add("longitude", longitude)
                    .add("scale", scale).add("label", label).build();
        }
    }

    record Link(String title, String description, String url) implements FollowerMessage {
        public MessageType type() {
            return MessageType.LINK;
        }

        public String pushXml(PushHeader header, long msgId) {
            return PushXml.link(header, title, description, url, msgId);
        }

        public JsonObject json() {
            return JSON.createObjectBuilder().add("title", title).add("description", description).add("url", url)
                    .build();
        }
    }

    /**
     * An image, voice or video: the media id the person got from {@code POST /api/v1/media}. {@code picUrl} (images)
     * and {@code format} (voices) are the push's, known once the boundary found the media ({@link MediaMessage#with}).
     */
    record MediaMessage(MessageType type, String mediaId, String picUrl, String format) implements FollowerMessage {

        /** The message with what the push says of its media. */
        public MediaMessage with(StoredMediaFacts facts) {
            return new MediaMessage(type, mediaId, facts.picUrl(), facts.format());
        }

        public String kind() {
            return type.wireName();
        }

        /** A follower's video has no thumbnail of its own: ThumbMediaId is empty (docs/conversations.md). */
        public String pushXml(PushHeader header, long msgId) {
            return switch (type) {
                case IMAGE -> PushXml.image(header, picUrl, mediaId, msgId);
                case VOICE -> PushXml.voice(header, mediaId, format, null, msgId);
                default -> PushXml.video(header, mediaId, "", msgId);
            };
        }

        public JsonObject json() {
            return AccountReplies.media(type, mediaId).content();
        }
    }

    /** What the push of a media message says about its media: where to fetch an image, a voice's format. */
    record StoredMediaFacts(String picUrl, String format) {
    }

    /** The fields a client sent, any of them null; {@code type} says which belong together. */
    record Fields(String type, String content, Double latitude, Double longitude, Integer scale, String label,
            String title, String description, String url, String mediaId) {
    }

    static FollowerMessage of(Fields f) {
        String type = f.type() == null ? "" : f.type().strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text" -> new Text(required(f.content(), "content", MAX_TEXT));
            case "location" -> location(f);
            case "link" -> new Link(required(f.title(), "title", MAX_TITLE),
                    optional(f.description(), "description", MAX_DESCRIPTION), url(f.url()));
            case "image", "voice", "video" -> new MediaMessage(MessageType.valueOf(type.toUpperCase(Locale.ROOT)),
                    required(f.mediaId(), "mediaId", MAX_MEDIA_ID), null, null);
            case "shortvideo" -> throw new BusinessException(ConversationError.MESSAGE_TYPE_NOT_SUPPORTED,
                    "send a short video as a video");
            default -> throw invalid("type is text, image, voice, video, location or link");
        };
    }

    private static Location location(Fields f) {
        double latitude = coordinate(f.latitude(), "latitude", 90);
        double longitude = coordinate(f.longitude(), "longitude", 180);
        int scale = f.scale() == null ? 15 : f.scale();
        if (scale < 1 || scale > 20) {
            throw invalid("scale is a map zoom level from 1 to 20");
        }
        return new Location(latitude, longitude, scale, optional(f.label(), "label", MAX_LABEL));
    }

    /** A latitude or longitude report without a position is no report. */
    static double coordinate(Double value, String name, double limit) {
        if (value == null || value.isNaN() || value < -limit || value > limit) {
            throw invalid(name + " is a number from " + -limit + " to " + limit);
        }
        return value;
    }

    private static String url(String url) {
        String link = required(url, "url", MAX_URL);
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return link;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw invalid("url is an http or https address");
    }

    private static String required(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required");
        }
        return optional(value, name, max);
    }

    private static String optional(String value, String name, int max) {
        String text = value == null ? "" : value.strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw invalid(name + " has at most " + max + " characters");
        }
        return text;
    }

    private static BusinessException invalid(String detail) {
        return new BusinessException(ConversationError.INVALID_MESSAGE, detail);
    }
}
