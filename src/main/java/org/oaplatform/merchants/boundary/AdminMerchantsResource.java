package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;

/** Client API for platform administrators: merchants with their balances, and their suspension. */
@Path("admin/merchants")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminMerchantsResource {

    public static class Suspension {
        public String reason;
    }

    @Inject
    CurrentPerson currentPerson;

    @Inject
    MerchantAdministration administration;

    @GET
    public List<MerchantAdministration.MerchantRow> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return administration.list(currentPerson.id(), limit);
    }

    @PUT
    @Path("{mchId}/suspension")
    public MerchantAdministration.MerchantRow suspend(@PathParam("mchId") String mchId, Suspension suspension) {
        return administration.suspend(currentPerson.id(), mchId, suspension == null ? null : suspension.reason);
    }

    @DELETE
    @Path("{mchId}/suspension")
    public MerchantAdministration.MerchantRow resume(@PathParam("mchId") String mchId) {
        return administration.resume(currentPerson.id(), mchId);
    }
}
