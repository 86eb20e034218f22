package org.oaplatform.portal.accounts;

import java.io.Serializable;
import java.util.List;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.boundary.News;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.portal.PortalMessages;

/**
 * The composer's selects: the account's tags (with how many follow with each) and its own living media of the kind
 * of message chosen, newest first. Only media the account uploaded are offered; what the boundary then accepts is its
 * own check, as for an id typed into the developer API.
 */
public final class BroadcastChoices {

    static final int MEDIA_CHOICES = 50;

    /** A choice of a select: the value sent, and what the member reads. */
    public record Choice(String value, String label) implements Serializable {
    }

    private BroadcastChoices() {
    }

    static List<Choice> tags(Tags tags, long personId, String appId) {
        return tags.list(personId, appId).stream().map(t -> new Choice(Integer.toString(t.tag().tagId()),
                t.tag().name() + " (" + t.count() + ")")).toList();
    }

    /** For the kind of message ({@code text} has none). */
    static List<Choice> media(Media media, News news, AccountId account, String kind) {
        return switch (kind) {
            case "image" -> files(media, account, MediaKind.IMAGE);
            case "voice" -> files(media, account, MediaKind.VOICE);
            case "mpvideo" -> files(media, account, MediaKind.VIDEO);
            case "mpnews" -> news.livingOfAccount(account, MEDIA_CHOICES).stream()
                    .map(n -> new Choice(n.mediaId(), n.mediaId() + " · " + PortalMessages.text(
                            "broadcasts.media.articles", n.articleCount()) + " · "
                            + BroadcastStatistics.time(n.createdAt()))).toList();
            default -> List.of();
        };
    }

    private static List<Choice> files(Media media, AccountId account, MediaKind kind) {
        return media.livingOfAccount(account, kind, MEDIA_CHOICES).stream()
                .map(m -> new Choice(m.mediaId(), m.mediaId() + " · " + BroadcastStatistics.time(m.createdAt())))
                .toList();
    }
}
