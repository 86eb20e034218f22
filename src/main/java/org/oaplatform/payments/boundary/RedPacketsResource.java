package org.oaplatform.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.payments.entity.RedPacketKind;

/** Client API: sending red packets and opening them. */
@Path("wallet/red-packets")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RedPacketsResource {

    public static class RedPacketRequest {
        @NotNull(message = "{oa.red-packet.kind.required}")
        public RedPacketKind kind;
        /** ONE_TO_ONE and LUCKY: the packet's amount; EQUAL: each share's amount. In fen. */
        @NotNull(message = "{oa.amount.required}")
        public Long amount;
        /** LUCKY and EQUAL only: 1 to 100. */
        public Integer shares;
        /** ONE_TO_ONE only: the recipient's WeChat ID or phone number. */
        public String to;
        @Size(max = 60)
        public String greeting;
        public String pin;
    }

    @Inject
    CurrentPerson currentPerson;

    @Inject
    RedPackets packets;

    @POST
    public Response send(@HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull(message = "{oa.body.required}") RedPacketRequest request) {
        return packets.send(currentPerson.id(), key, request.kind, request.amount, request.shares, request.to,
                request.greeting, request.pin).response();
    }

    @GET
    @Path("{id}")
    public RedPackets.RedPacketView get(@PathParam("id") String packetId) {
        return packets.get(currentPerson.id(), packetId);
    }

    @POST
    @Path("{id}/open")
    @Consumes(MediaType.WILDCARD)
    public Response open(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") String packetId) {
        return packets.claim(currentPerson.id(), key, packetId).response();
    }
}
