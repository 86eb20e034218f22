package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * WeChat Pay v2's endpoints under {@code /secapi/pay}, which WeChat serves only to callers presenting the merchant's
 * client certificate (docs/merchants.md says where that check belongs here). The request and answer rules are
 * {@code /pay}'s: the same admission, signatures and XML.
 */
@Path("pay")
@ApplicationScoped
public class SecPayResource {

    @Inject
    PayCaller caller;

    @Inject
    RefundAnswers refunds;

    @Inject
    MicropayReversals reversals;

    @POST
    @Path("refund")
    @Consumes(MediaType.WILDCARD)
    @Produces(PayErrorMapper.XML)
    public Response refund(byte[] body) {
        return caller.handle(body, refunds::refund);
    }

    @POST
    @Path("reverse")
    @Consumes(MediaType.WILDCARD)
    @Produces(PayErrorMapper.XML)
    public Response reverse(byte[] body) {
        return caller.handle(body, reversals::reverse);
    }
}
