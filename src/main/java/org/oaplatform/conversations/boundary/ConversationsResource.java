package org.oaplatform.conversations.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.conversations.control.FollowerMessage;
import org.oaplatform.conversations.entity.ConversationMessage;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/** Client API: a person's conversations with the accounts they follow. */
@Path("conversations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    /** Classes with public fields: Payara's OpenAPI scanner fails on constrained records. */
    public static class MessageRequest {
        @NotBlank(message = "{oa.messageType.required}")
        public String type;
        public String content;
        public Double latitude;
        public Double longitude;
        public Integer scale;
        public String label;
        public String title;
        public String description;
        public String url;
        public String mediaId;
    }

    public static class LocationReport {
        @NotNull(message = "{oa.latitude.required}")
        public Double latitude;
        @NotNull(message = "{oa.longitude.required}")
        public Double longitude;
        public Double precision;
    }

    /** {@code id} is the message's MsgId, as a string: 64-bit ids lose digits in JavaScript numbers. */
    public record MessageView(String id, String direction, String type, JsonObject content, Instant createdAt) {
    }

    public record MessagesView(List<MessageView> messages, String nextBefore) {
    }

    public record ConversationView(String appid, String name, MessageView lastMessage, int unreadCount,
            Instant updatedAt) {
    }

    public record ConversationsView(List<ConversationView> conversations, String nextAfter) {
    }

    @Inject
    Conversations conversations;

    @Inject
    ConversationReading reading;

    @Inject
    CurrentPerson currentPerson;

    @GET
    public ConversationsView list(@QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        ConversationReading.Summaries page = reading.conversations(currentPerson.id(), after, limit);
        return new ConversationsView(page.conversations().stream().map(s -> new ConversationView(
                s.account().appId(), s.account().name(), s.lastMessage() == null ? null : view(s.lastMessage()),
                s.conversation().unreadByPerson(), s.conversation().lastMessageAt())).toList(), page.nextAfter());
    }

    @GET
    @Path("{appid}/messages")
    public MessagesView messages(@PathParam("appid") String appId, @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        ConversationReading.Messages page = reading.messages(currentPerson.id(), appId, messageId(before), limit);
        return new MessagesView(page.messages().stream().map(ConversationsResource::view).toList(),
                page.nextBefore() == null ? null : Long.toString(page.nextBefore()));
    }

    @POST
    @Path("{appid}/messages")
    public Response send(@PathParam("appid") String appId,
            @Valid @NotNull(message = "{oa.body.required}") MessageRequest request) {
        ConversationMessage sent = conversations.send(currentPerson.id(), appId, new FollowerMessage.Fields(
                request.type, request.content, request.latitude, request.longitude, request.scale, request.label,
                request.title, request.description, request.url, request.mediaId));
        return Response.created(URI.create("conversations/" + appId + "/messages")).entity(view(sent)).build();
    }

    @POST
    @Path("{appid}/location")
    public Response reportLocation(@PathParam("appid") String appId,
            @Valid @NotNull(message = "{oa.body.required}") LocationReport report) {
        conversations.reportLocation(currentPerson.id(), appId, report.latitude, report.longitude, report.precision);
        return Response.accepted().build();
    }

    public static MessageView view(ConversationMessage message) {
        return new MessageView(Long.toString(message.id()), message.direction().name().toLowerCase(Locale.ROOT),
                message.type().wireName(), JSON.createReader(new StringReader(message.content())).readObject(),
                message.createdAt());
    }

    static Long messageId(String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "before is a message id");
        }
    }
}
