package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.oaplatform.accounts.boundary.CurrentPerson;

/** The signed-in person's payment codes, for a merchant to scan (/pay/micropay). */
@Path("wallet/payment-codes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentCodesResource {

    @Inject
    CurrentPerson currentPerson;

    @Inject
    PaymentCodes codes;

    @POST
    public Response issue() {
        return Response.status(Response.Status.CREATED).entity(codes.issue(currentPerson.id())).build();
    }
}
