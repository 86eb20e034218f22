package org.oaplatform.conversations.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.webhooks.control.PassiveReply;

/** What an account sends as a conversation stores it: its type and its fields as JSON. */
public final class AccountReplies {

    /** What a message of the account holds. */
    public record Stored(MessageType type, JsonObject content) {
    }

    private AccountReplies() {
    }

    /** A media reply gets here only with a media the account may send (the delivery checked it). */
    public static Stored of(PassiveReply.Content content) {
        if (content instanceof PassiveReply.Image image) {
            return media(MessageType.IMAGE, image.mediaId());
        }
        if (content instanceof PassiveReply.Voice voice) {
            return media(MessageType.VOICE, voice.mediaId());
        }
        if (content instanceof PassiveReply.Video video) {
            return new Stored(MessageType.VIDEO, JSON.createObjectBuilder().add("mediaId", video.mediaId())
                    .add("title", video.title()).add("description", video.description()).build());
        }
        if (content instanceof PassiveReply.Text text) {
            return new Stored(MessageType.TEXT, JSON.createObjectBuilder().add("content", text.content()).build());
        }
        if (content instanceof PassiveReply.Music music) {
            return new Stored(MessageType.MUSIC, JSON.createObjectBuilder().add("title", music.title())
                    .add("description", music.description()).add("musicUrl", music.musicUrl())
                    .add("hqMusicUrl", music.hqMusicUrl()).add("thumbMediaId", music.thumbMediaId()).build());
        }
        if (content instanceof PassiveReply.News news) {
            JsonArrayBuilder articles = JSON.createArrayBuilder();
            news.articles().forEach(a -> articles.add(JSON.createObjectBuilder().add("title", a.title())
                    .add("description", a.description()).add("picUrl", a.picUrl()).add("url", a.url())));
            return new Stored(MessageType.NEWS, JSON.createObjectBuilder().add("articles", articles).build());
        }
        throw new IllegalArgumentException("no conversation content for " + content.getClass().getSimpleName());
    }

    /** An image, voice or video message: its content names the media (and a video may add a title, a description). */
    public static Stored media(MessageType type, String mediaId) {
        return new Stored(type, JSON.createObjectBuilder().add("mediaId", mediaId).build());
    }

    /** The media id a stored message of {@code type} names, if it is a media message shaped as {@link #media} makes. */
    public static Optional<String> mediaId(MessageType type, JsonObject content) {
        boolean media = type == MessageType.IMAGE || type == MessageType.VOICE || type == MessageType.VIDEO;
        return media ? Optional.ofNullable(content.getString("mediaId", null)) : Optional.empty();
    }
}
