package org.oaplatform.conversations.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.webhooks.control.PassiveReply;

/** A developer server's reply as a conversation stores it: its type and its fields as JSON. */
public final class AccountReplies {

    /** What a message of the account holds. */
    public record Stored(MessageType type, JsonObject content) {
    }

    private AccountReplies() {
    }

    /** Media replies never get here: the delivery refuses them until the media component exists. */
    public static Stored of(PassiveReply.Content content) {
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
}
