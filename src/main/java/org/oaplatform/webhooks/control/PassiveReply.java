package org.oaplatform.webhooks.control;

import java.util.List;
import java.util.Optional;

/**
 * What a developer server answered to a push (spec §2.4), once read and checked: addressed to the follower
 * ({@code toUser}, an openid) from the account ({@code fromUser}, its {@code gh_} id), and one of the six kinds of
 * content an account may send back. Whoever delivers it checks the addressing against the push it answers.
 */
public record PassiveReply(String toUser, String fromUser, long createTime, Content content) {

    /** WeChat drops news articles beyond eight. */
    public static final int MAX_ARTICLES = 8;

    public sealed interface Content permits Text, Image, Voice, Video, Music, News {

        /** The media the follower is shown, for image, voice and video ({@code type} is the MsgType). */
        default Optional<ShownMedia> shownMedia() {
            if (this instanceof Image image) {
                return Optional.of(new ShownMedia("image", image.mediaId()));
            }
            if (this instanceof Voice voice) {
                return Optional.of(new ShownMedia("voice", voice.mediaId()));
            }
            if (this instanceof Video video) {
                return Optional.of(new ShownMedia("video", video.mediaId()));
            }
            return Optional.empty();
        }
    }

    /** A media id and the kind of media it must name. */
    public record ShownMedia(String type, String mediaId) {
    }

    public record Text(String content) implements Content {
    }

    public record Image(String mediaId) implements Content {
    }

    public record Voice(String mediaId) implements Content {
    }

    /** Title and description may be empty. */
    public record Video(String mediaId, String title, String description) implements Content {
    }

    /** Only the thumbnail is required; the URLs may be empty. */
    public record Music(String title, String description, String musicUrl, String hqMusicUrl, String thumbMediaId)
            implements Content {
    }

    public record News(List<Article> articles) implements Content {
        public News {
            articles = List.copyOf(articles);
        }
    }

    public record Article(String title, String description, String picUrl, String url) {
    }
}
