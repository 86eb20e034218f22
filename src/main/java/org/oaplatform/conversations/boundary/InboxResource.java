package org.oaplatform.conversations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.conversations.boundary.ConversationsResource.MessageView;

/** Client API: an account's inbox, for its members: the conversations, each one's window, and replies. */
@Path("official-accounts/{appid}/conversations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InboxResource {

    /** A class with public fields: Payara's OpenAPI scanner fails on constrained records. */
    public static class ReplyRequest {
        @NotBlank(message = "{oa.messageType.required}")
        public String type;
        public String content;
        public String mediaId;
        public String title;
        public String description;
    }

    /** {@code state}: OPEN (may send), SPENT (the window's messages are used) or CLOSED; {@code closesAt} when OPEN. */
    public record WindowView(String state, int messagesLeft, Instant closesAt) {

        static WindowView of(Inbox.WindowState window) {
            return new WindowView(window.state().name(), window.messagesLeft(), window.closesAt());
        }
    }

    public record EntryView(String openid, String remark, boolean following, boolean blacklisted,
            MessageView lastMessage, int unreadCount, Instant updatedAt, WindowView window) {
    }

    public record EntriesView(List<EntryView> conversations, String nextAfter) {
    }

    public record ThreadView(String openid, List<MessageView> messages, String nextBefore, WindowView window) {
    }

    @Inject
    Inbox inbox;

    @Inject
    CurrentPerson currentPerson;

    @GET
    public EntriesView list(@PathParam("appid") String appId, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        Inbox.Entries page = inbox.conversations(currentPerson.id(), appId, after, limit);
        return new EntriesView(page.entries().stream().map(e -> new EntryView(e.follower().openid(),
                e.follower().remark(), e.follower().subscribed(), e.follower().blacklisted(),
                ConversationsResource.view(e.lastMessage()), e.conversation().unreadByAccount(),
                e.conversation().accountLastMessageAt(), WindowView.of(e.window()))).toList(), page.nextAfter());
    }

    @GET
    @Path("{openid}/messages")
    public ThreadView messages(@PathParam("appid") String appId, @PathParam("openid") String openid,
            @QueryParam("before") String before, @QueryParam("limit") @DefaultValue("20") int limit) {
        Inbox.Thread thread = inbox.messages(currentPerson.id(), appId, openid,
                ConversationsResource.messageId(before), limit);
        return new ThreadView(thread.follower().openid(),
                thread.messages().stream().map(ConversationsResource::view).toList(),
                thread.nextBefore() == null ? null : Long.toString(thread.nextBefore()),
                WindowView.of(thread.window()));
    }

    /** 403 {@code service-window-closed} / {@code service-window-spent} outside the window, as the developer API. */
    @POST
    @Path("{openid}/messages")
    public Response reply(@PathParam("appid") String appId, @PathParam("openid") String openid,
            @Valid @NotNull(message = "{oa.body.required}") ReplyRequest request) {
        MessageView sent = ConversationsResource.view(inbox.reply(currentPerson.id(), appId, openid,
                new Inbox.Reply(request.type, request.content, request.mediaId, request.title,
                        request.description)));
        return Response.created(URI.create("official-accounts/" + appId + "/conversations/" + openid + "/messages"))
                .entity(sent).build();
    }
}
