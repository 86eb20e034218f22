package org.oaplatform.broadcasts.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.boundary.MediaResponses;
import org.oaplatform.media.entity.StoredMedia;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * Client API: the broadcasts a person received. {@code folder=chats} (the default): service accounts' broadcasts one
 * by one, newest first; {@code folder=subscriptions}: subscription accounts folded, with unread counts. Opening one
 * marks it read. Ids are strings: 64-bit ids lose digits in JavaScript numbers.
 */
@Path("inbox")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BroadcastInboxResource {

    /** {@code deleted}: the account deleted it (mass/delete), {@code deletedArticles} those of a news it deleted. */
    public record EntryView(String id, String appid, String accountName, String type, JsonObject content,
            Instant deliveredAt, boolean read, boolean deleted, List<String> deletedArticles) {

        static EntryView of(BroadcastInbox.Entry entry) {
            return new EntryView(Long.toString(entry.broadcast().id()), entry.account().appId(),
                    entry.account().name(), entry.broadcast().msgType(),
                    JSON.createReader(new StringReader(entry.broadcast().content())).readObject(),
                    entry.deliveredAt(), entry.readAt() != null,
                    entry.broadcast().status() == BroadcastStatus.DELETE, entry.broadcast().deletedArticles());
        }
    }

    public record FoldedView(String appid, String accountName, long unreadCount, EntryView latest) {
    }

    public record ChatsView(List<EntryView> broadcasts, String nextBefore) {
    }

    public record SubscriptionsView(List<FoldedView> accounts, String nextBefore) {
    }

    @Inject
    BroadcastInbox inbox;

    @Inject
    Media media;

    @Inject
    CurrentPerson currentPerson;

    @GET
    public Object list(@QueryParam("folder") @DefaultValue("chats") String folder,
            @QueryParam("before") String before, @QueryParam("limit") @DefaultValue("20") int limit) {
        Long start = id(before);
        return switch (folder) {
            case "chats" -> {
                BroadcastInbox.Page<BroadcastInbox.Entry> page = inbox.chats(currentPerson.id(), start, limit);
                yield new ChatsView(page.entries().stream().map(EntryView::of).toList(), string(page.nextBefore()));
            }
            case "subscriptions" -> {
                BroadcastInbox.Page<BroadcastInbox.Folded> page = inbox.subscriptions(currentPerson.id(), start,
                        limit);
                yield new SubscriptionsView(page.entries().stream().map(f -> new FoldedView(f.account().appId(),
                        f.account().name(), f.unread(), EntryView.of(f.latest()))).toList(),
                        string(page.nextBefore()));
            }
            default -> throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    "folder is chats or subscriptions");
        };
    }

    @GET
    @Path("broadcasts/{id}")
    public EntryView open(@PathParam("id") String id) {
        Long broadcastId = id(id);
        if (broadcastId == null) {
            throw new BusinessException(PlatformError.NOT_FOUND, "no such broadcast of yours");
        }
        return EntryView.of(inbox.read(currentPerson.id(), broadcastId));
    }

    /** A media the broadcast shows (its image, voice, video or a news' thumbnail), for a person who got it. */
    @GET
    @Path("broadcasts/{id}/media/{mediaId}")
    @Produces(MediaType.WILDCARD)
    public Response media(@PathParam("id") String id, @PathParam("mediaId") String mediaId) {
        Long broadcastId = id(id);
        if (broadcastId == null) {
            throw new BusinessException(PlatformError.NOT_FOUND, "no such broadcast of yours");
        }
        StoredMedia stored = inbox.shownMedia(currentPerson.id(), broadcastId, mediaId);
        return MediaResponses.file(stored, media.open(stored), "inline");
    }

    private static Long id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{1,19}")) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a broadcast id is a number");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a broadcast id is a number");
        }
    }

    private static String string(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
