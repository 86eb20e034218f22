package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.oaplatform.accounts.boundary.CurrentPerson;

/** Client API: an official account becomes a merchant, shows its merchant details, resets its API key. */
@Path("official-accounts/{appid}/merchant")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MerchantsResource {

    public static class Enrolment {
        /** One of the owner's linked bank cards, which settlements will be paid to. */
        @NotBlank(message = "{oa.settlementCardId.required}")
        public String settlementCardId;
    }

    @Inject
    CurrentPerson currentPerson;

    @Inject
    Merchants merchants;

    @POST
    public Response enrol(@PathParam("appid") String appid,
            @Valid @NotNull(message = "{oa.body.required}") Enrolment request) {
        return Response.status(201).entity(merchants.enrol(currentPerson.id(), appid, request.settlementCardId))
                .build();
    }

    @GET
    public Merchants.MerchantView get(@PathParam("appid") String appid) {
        return merchants.view(currentPerson.id(), appid);
    }

    /** The old key stops working at once; the new one is shown this once. */
    @POST
    @Path("api-key")
    @Consumes(MediaType.WILDCARD)
    public Merchants.NewKey resetApiKey(@PathParam("appid") String appid) {
        return merchants.resetApiKey(currentPerson.id(), appid);
    }
}
