package org.oaplatform.conversations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.conversations.control.AutoReplyDefinition;
import org.oaplatform.conversations.entity.AutoReplyRule;

/** Client API: an account's auto-reply rules, used while its developer server is not enabled. */
@Path("official-accounts/{appid}/auto-replies")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutoRepliesResource {

    /** Classes with public fields: Payara's OpenAPI scanner fails on constrained records. */
    public static class RuleRequest {
        /** KEYWORD, WELCOME or DEFAULT. */
        public String kind;
        public String name;
        /** Keyword rules only: 0 to 100, higher wins. */
        public Integer priority;
        public List<KeywordRequest> keywords;
        public List<ReplyRequest> replies;
    }

    public static class KeywordRequest {
        public String keyword;
        /** EXACT (the default) or CONTAINS. */
        public String match;
    }

    public static class ReplyRequest {
        /** text, image, voice or video. */
        public String type;
        public String content;
        public String mediaId;
    }

    public record KeywordView(String keyword, String match) {
    }

    /** A text reply has {@code content}, a media reply {@code mediaId}. */
    public record ReplyView(String type, String content, String mediaId) {
    }

    public record RuleView(String id, String kind, String name, int priority, List<KeywordView> keywords,
            List<ReplyView> replies, Instant createdAt, Instant updatedAt) {
    }

    public record RulesView(List<RuleView> rules) {
    }

    @Inject
    AutoReplies autoReplies;

    @Inject
    CurrentPerson currentPerson;

    @GET
    public RulesView list(@PathParam("appid") String appId) {
        return new RulesView(autoReplies.list(currentPerson.id(), appId).stream().map(AutoRepliesResource::view)
                .toList());
    }

    @POST
    public Response create(@PathParam("appid") String appId,
            @NotNull(message = "{oa.body.required}") RuleRequest request) {
        AutoReplyRule rule = autoReplies.create(currentPerson.id(), appId, definition(request));
        return Response.created(URI.create("official-accounts/" + appId + "/auto-replies/" + rule.publicId()))
                .entity(view(rule)).build();
    }

    @GET
    @Path("{id}")
    public RuleView read(@PathParam("appid") String appId, @PathParam("id") String id) {
        return view(autoReplies.read(currentPerson.id(), appId, id));
    }

    @PUT
    @Path("{id}")
    public RuleView replace(@PathParam("appid") String appId, @PathParam("id") String id,
            @NotNull(message = "{oa.body.required}") RuleRequest request) {
        return view(autoReplies.replace(currentPerson.id(), appId, id, definition(request)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("appid") String appId, @PathParam("id") String id) {
        autoReplies.delete(currentPerson.id(), appId, id);
        return Response.noContent().build();
    }

    private static AutoReplyDefinition definition(RuleRequest request) {
        return AutoReplyDefinition.of(request.kind, request.name, request.priority,
                request.keywords == null ? null : request.keywords.stream()
                        .map(k -> k == null ? null : new AutoReplyDefinition.KeywordFields(k.keyword, k.match))
                        .toList(),
                request.replies == null ? null : request.replies.stream()
                        .map(r -> r == null ? null : new AutoReplyDefinition.ReplyFields(r.type, r.content, r.mediaId))
                        .toList());
    }

    private static RuleView view(AutoReplyRule rule) {
        AutoReplyDefinition d = rule.definition();
        return new RuleView(rule.publicId(), d.kind().name(), d.name(), d.priority(),
                d.keywords().stream().map(k -> new KeywordView(k.text(), k.match().name())).toList(),
                d.replies().stream().map(r -> new ReplyView(r.type().name().toLowerCase(Locale.ROOT), r.text(),
                        r.mediaId())).toList(), rule.createdAt(), rule.updatedAt());
    }
}
