package org.oaplatform.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** Client API: transfers to another person, and accepting or returning the ones received. */
@Path("wallet/transfers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransfersResource {

    public static class TransferRequest {
        /** The receiver's WeChat ID or phone number. */
        @NotBlank(message = "{oa.recipient.required}")
        public String to;
        @NotNull(message = "{oa.amount.required}")
        public Long amount;
        @Size(max = 60)
        public String memo;
        public String pin;
    }

    @Inject
    CurrentPerson currentPerson;

    @Inject
    Transfers transfers;

    @POST
    public Response send(@HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull(message = "{oa.body.required}") TransferRequest request) {
        return transfers.send(currentPerson.id(), key, request.to, request.amount, request.memo, request.pin)
                .response();
    }

    @GET
    @Path("{id}")
    public Transfers.TransferView get(@PathParam("id") String transferId) {
        return transfers.get(currentPerson.id(), transferId);
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.WILDCARD)
    public Response accept(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") String transferId) {
        return transfers.accept(currentPerson.id(), key, transferId).response();
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.WILDCARD)
    public Response giveBack(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") String transferId) {
        return transfers.giveBack(currentPerson.id(), key, transferId).response();
    }
}
