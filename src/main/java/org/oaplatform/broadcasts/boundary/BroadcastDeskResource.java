package org.oaplatform.broadcasts.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.broadcasts.control.BroadcastProgress;
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

    public record ProgressView(int chunksDone, int chunksTotal, int percent) {

        static ProgressView of(BroadcastProgress progress) {
            return progress == null ? null : new ProgressView(progress.done(), progress.total(), progress.percent());
        }
    }

    public record ListedView(BroadcastView broadcast, ProgressView progress) {
    }

    public record ListView(List<ListedView> broadcasts, String nextBefore) {
    }

    /** Running totals: by {@code at}, how many had received and how many had read it. */
    public record PointView(Instant at, long delivered, long read) {
    }

    public record StatisticsView(String id, String status, long targeted, long blacklisted, long overAllowance,
            long delivered, long read, ProgressView progress, List<PointView> timeline) {
    }

    /** Before composing: who the audience reaches and who would be filtered, and a subscription account's day. */
    public record OutlookView(String accountType, String zone, boolean oneADay, boolean todayFree, Instant dayEndsAt,
            long targeted, long blacklisted, long overAllowance, long reaching) {
    }

    @Inject
    BroadcastDesk desk;

    @Inject
    BroadcastReports reports;

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

    /** Newest first, keyset-paged by id ({@code before}); previews are not listed. */
    @GET
    public ListView list(@PathParam("appid") String appId, @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        long me = currentPerson.id();
        BroadcastReports.Page page = reports.broadcasts(me, appId, before == null || before.isBlank() ? null
                : id(before), limit);
        return new ListView(page.rows().stream().map(row -> new ListedView(BroadcastView.of(row.broadcast(), me),
                ProgressView.of(row.progress()))).toList(),
                page.nextBefore() == null ? null : Long.toString(page.nextBefore()));
    }

    @GET
    @Path("outlook")
    public OutlookView outlook(@PathParam("appid") String appId, @QueryParam("target") String target,
            @QueryParam("tagId") Integer tagId, @QueryParam("openid") List<String> openids) {
        BroadcastReports.Audience audience = switch (target(target)) {
            case TAG -> BroadcastReports.Audience.tag(tagId == null ? -1 : tagId);
            case LIST -> BroadcastReports.Audience.list(openids == null ? List.of() : openids);
            default -> BroadcastReports.Audience.all();
        };
        BroadcastReports.Outlook o = reports.outlook(currentPerson.id(), appId, audience);
        return new OutlookView(o.type().name(), o.zone(), o.oneADay(), o.todayFree(), o.dayEndsAt(), o.targeted(),
                o.blacklisted(), o.overAllowance(), o.reaching());
    }

    @GET
    @Path("{id}/statistics")
    public StatisticsView statistics(@PathParam("appid") String appId, @PathParam("id") String id) {
        long me = currentPerson.id();
        desk.ofAccount(me, appId, id(id));
        BroadcastReports.Report r = reports.report(me, appId, id(id));
        return new StatisticsView(id, r.broadcast().status().name(), r.targeted(), r.blacklisted(),
                r.overAllowance(), r.delivered(), r.read(), ProgressView.of(r.progress()),
                r.timeline().stream().map(p -> new PointView(p.at(), p.delivered(), p.read())).toList());
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
