package org.oaplatform.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.webhooks.entity.DeliveryAttempt;
import org.oaplatform.webhooks.entity.Push;
import org.oaplatform.webhooks.entity.PushState;

/** Client API: an account's delivery log and replays, for its members. */
@Path("official-accounts/{appid}/deliveries")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    /** {@code msgId} as a string: 64-bit ids lose digits in JavaScript numbers. */
    public record DeliveryView(String id, int attempt, Instant attemptedAt, String event, String msgId,
            DeliveryAttempt.Outcome outcome, Integer httpStatus, long latencyMs, String error, String requestUrl,
            String requestBody, String replyBody, PushState pushState) {
    }

    public record PageView(List<DeliveryView> deliveries, String nextBefore) {
    }

    public record ReplayView(PushState state) {
    }

    @Inject
    DeliveryLog log;

    @Inject
    CurrentPerson currentPerson;

    @GET
    public PageView page(@PathParam("appid") String appId, @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        DeliveryLog.Page page = log.page(currentPerson.id(), appId, before, limit);
        return new PageView(page.entries().stream().map(DeliveriesResource::view).toList(), page.nextBefore());
    }

    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("appid") String appId, @PathParam("id") String id) {
        Push push = log.replay(currentPerson.id(), appId, id);
        return Response.accepted(new ReplayView(push.state())).build();
    }

    private static DeliveryView view(DeliveryLog.Entry entry) {
        DeliveryAttempt a = entry.attempt();
        return new DeliveryView(a.publicId(), a.attempt(), a.attemptedAt(), a.kind(),
                entry.msgId() == null ? null : Long.toString(entry.msgId()), a.outcome(), a.httpStatus(),
                a.latencyMs(), a.error(), a.requestUrl(), a.requestBody(), a.replyBody(), entry.pushState());
    }
}
