package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.oaplatform.payments.boundary.IdempotentRequests;

/**
 * Client API of a person paying a merchant: the order behind a scanned code (or a JSAPI prepay_id) to confirm, then
 * paying it from the wallet with the payment password and an Idempotency-Key.
 */
@Path("payments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentsResource {

    public static class Scan {
        /** A NATIVE order's {@code weixin://wxpay/bizpayurl?pr=…}. */
        public String codeUrl;
        /** Or a JSAPI order's prepay_id, as the merchant's page hands it to the app. */
        public String prepayId;
    }

    public static class Payment {
        public String pin;
    }

    @Inject
    CurrentPerson currentPerson;

    @Inject
    OrderPayments payments;

    @POST
    @Path("scans")
    public OrderPayments.OrderView scan(@Valid @NotNull(message = "{oa.body.required}") Scan scan) {
        return payments.find(currentPerson.id(), scan.codeUrl, scan.prepayId);
    }

    @GET
    @Path("{orderId}")
    public OrderPayments.OrderView get(@PathParam("orderId") String orderId) {
        return payments.get(currentPerson.id(), orderId);
    }

    @POST
    @Path("{orderId}/pay")
    public Response pay(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("orderId") String orderId,
            @Valid @NotNull(message = "{oa.body.required}") Payment payment) {
        return payments.pay(currentPerson.id(), key, orderId, payment.pin).response();
    }
}
