package org.oaplatform.broadcasts.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastTarget;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * Client API: an account's broadcasts as its members compose them (beside the developer API's {@code mass/*}): to go
 * out at once, at a time ({@code sendAt}), or after a manager's approval when the account asks for one.
 */
@Path("official-accounts/{appid}/broadcasts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BroadcastDeskResource {

    /**
     * {@code target}: ALL, TAG ({@code tagId}) or LIST ({@code openids}, 2 to 10 000); {@code message} in the
     * developer API's shape, e.g. {@code {"msgtype":"text","text":{"content":"…"}}}; {@code sendAt} an ISO-8601
     * instant, or none for at once. A class with public fields: Payara's OpenAPI scanner fails on constrained records.
     */
    public static class CompositionRequest {
        public String target;
        public Integer tagId;
        public List<String> openids;
        public JsonObject message;
        public String sendAt;
    }

    public static class RejectionRequest {
        public String note;
    }

    public static class PolicyRequest {
        @NotNull(message = "{oa.body.required}")
        public Boolean approvalRequired;
    }

    public record PolicyView(boolean approvalRequired) {
    }

    /** A broadcast as its account's members see it; the counts grow while it is SENDING. */
    public record BroadcastView(String id, String target, String msgType, JsonObject message, String status,
            boolean composedByYou, Instant createdAt, Instant sendAt, Instant startedAt, Instant finishedAt,
            Instant decidedAt, String decisionNote, long totalCount, long sentCount, long blacklistedCount,
            long overAllowanceCount) {

        static BroadcastView of(Broadcast b, long viewer) {
            return new BroadcastView(Long.toString(b.id()), b.target().name(), b.msgType(),
                    JSON.createReader(new StringReader(b.content())).readObject(), b.status().name(),
                    b.composedBy() != null && b.composedBy() == viewer, b.createdAt(), b.sendAt(), b.startedAt(),
                    b.finishedAt(), b.decidedAt(), b.decisionNote(), b.totalCount(), b.sentCount(),
                    b.blacklistedCount(), b.overAllowanceCount());
        }
    }

    @Inject
    BroadcastDesk desk;

    @Inject
    CurrentPerson currentPerson;

    /** 201 with the broadcast: SENDING, SCHEDULED or PENDING_APPROVAL. */
    @POST
    public Response compose(@PathParam("appid") String appId,
            @NotNull(message = "{oa.body.required}") CompositionRequest request) {
        long me = currentPerson.id();
        Broadcast broadcast = desk.compose(me, appId, new BroadcastDesk.Composition(target(request.target),
                request.tagId, request.openids, request.message, instant(request.sendAt)));
        return Response.created(URI.create("official-accounts/" + appId + "/broadcasts/" + broadcast.id()))
                .entity(BroadcastView.of(broadcast, me)).build();
    }

    @GET
    @Path("{id}")
    public BroadcastView get(@PathParam("appid") String appId, @PathParam("id") String id) {
        long me = currentPerson.id();
        return BroadcastView.of(desk.ofAccount(me, appId, id(id)), me);
    }

    @POST
    @Path("{id}/approve")
    public BroadcastView approve(@PathParam("appid") String appId, @PathParam("id") String id) {
        long me = currentPerson.id();
        return BroadcastView.of(desk.approve(me, appId, id(id)), me);
    }

    @POST
    @Path("{id}/reject")
    public BroadcastView reject(@PathParam("appid") String appId, @PathParam("id") String id,
            RejectionRequest request) {
        long me = currentPerson.id();
        return BroadcastView.of(desk.reject(me, appId, id(id), request == null ? null : request.note), me);
    }

    @POST
    @Path("{id}/cancel")
    public BroadcastView cancel(@PathParam("appid") String appId, @PathParam("id") String id) {
        long me = currentPerson.id();
        return BroadcastView.of(desk.cancel(me, appId, id(id)), me);
    }

    @GET
    @Path("policy")
    public PolicyView policy(@PathParam("appid") String appId) {
        return new PolicyView(desk.approvalRequired(currentPerson.id(), appId));
    }

    @PUT
    @Path("policy")
    public PolicyView setPolicy(@PathParam("appid") String appId,
            @Valid @NotNull(message = "{oa.body.required}") PolicyRequest request) {
        desk.requireApproval(currentPerson.id(), appId, request.approvalRequired);
        return new PolicyView(request.approvalRequired);
    }

    private static BroadcastTarget target(String value) {
        if (value != null) {
            try {
                BroadcastTarget target = BroadcastTarget.valueOf(value.toUpperCase(Locale.ROOT));
                if (target != BroadcastTarget.PREVIEW) {
                    return target;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw new BusinessException(PlatformError.VALIDATION_FAILED, "target is ALL, TAG or LIST");
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "sendAt is an ISO-8601 instant such as"
                    + " 2026-12-24T09:00:00Z");
        }
    }

    /** A msg_id is a number: anything else names no broadcast, before any query. */
    private static long id(String value) {
        if (value == null || !value.matches("\\d{1,18}")) {
            throw new BusinessException(PlatformError.NOT_FOUND, "no such broadcast of the account");
        }
        return Long.parseLong(value);
    }
}
