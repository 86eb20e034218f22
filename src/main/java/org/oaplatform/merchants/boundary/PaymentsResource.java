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
import java.util.List;
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

    public static class StaticOrder {
        /** A merchant's static code, {@code weixin://wxpay/bizpayurl?pr=…}. */
        public String codeUrl;
        /** In fen, typed by the payer. */
        public Long amount;
        /** Shown to the merchant (the order's attach). */
        public String note;
    }

    @Inject
    CurrentPerson currentPerson;

    @Inject
    OrderPayments payments;

    @POST
    @Path("scans")
    public OrderPayments.Scanned scan(@Valid @NotNull(message = "{oa.body.required}") Scan scan) {
        return payments.find(currentPerson.id(), scan.codeUrl, scan.prepayId);
    }

    /** Micropay orders waiting for my payment password (a merchant scanned my code for more than the no-PIN limit). */
    /** An order for the amount I typed after scanning a merchant's static code; paid like any order. */
    @POST
    @Path("static-orders")
    public Response staticOrder(@Valid @NotNull(message = "{oa.body.required}") StaticOrder order) {
        return Response.status(201).entity(payments.orderOfStaticCode(order.codeUrl, order.amount, order.note))
                .build();
    }

    @GET
    @Path("pending")
    public List<OrderPayments.OrderView> pending() {
        return payments.pending(currentPerson.id());
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
