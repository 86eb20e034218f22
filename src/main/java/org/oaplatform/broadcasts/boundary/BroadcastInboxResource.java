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
import org.oaplatform.conversations.boundary.ConversationReading;
import org.oaplatform.conversations.boundary.ConversationsResource;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.boundary.MediaResponses;
import org.oaplatform.media.entity.StoredMedia;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * Client API: the person's inbox. {@code folder=chats} (the default): conversations and service accounts' broadcasts
 * side by side, newest first; {@code folder=subscriptions}: subscription accounts' broadcasts folded, with unread
 * counts. Opening a broadcast marks it read. Ids are strings: 64-bit ids lose digits in JavaScript numbers.
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

    /** A conversation's newest message and what the person has not read of it. */
    public record ConversationEntryView(ConversationsResource.MessageView lastMessage, int unreadCount) {
    }

    /** {@code kind}: conversation (then {@code conversation}) or broadcast (then {@code broadcast}). */
    public record ChatView(String kind, String appid, String accountName, Instant at,
            ConversationEntryView conversation, EntryView broadcast) {

        static ChatView of(BroadcastInbox.Chat chat) {
            if (chat.conversation() != null) {
                ConversationReading.Summary c = chat.conversation();
                return new ChatView("conversation", c.account().appId(), c.account().name(), chat.at(),
                        new ConversationEntryView(c.lastMessage() == null ? null
                                : ConversationsResource.view(c.lastMessage()), c.conversation().unreadByPerson()),
                        null);
            }
            return new ChatView("broadcast", chat.broadcast().account().appId(), chat.broadcast().account().name(),
                    chat.at(), null, EntryView.of(chat.broadcast()));
        }
    }

    public record ChatsView(List<ChatView> chats, String nextBefore) {
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
        return switch (folder) {
            case "chats" -> {
                BroadcastInbox.Chats page = inbox.chats(currentPerson.id(), before == null || before.isBlank() ? null
                        : ChatCursor.parse(before), limit);
                yield new ChatsView(page.entries().stream().map(ChatView::of).toList(),
                        page.next() == null ? null : page.next().toString());
            }
            case "subscriptions" -> {
                BroadcastInbox.Page<BroadcastInbox.Folded> page = inbox.subscriptions(currentPerson.id(), id(before),
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
