package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * WeChat Pay v2's merchant endpoints, as WxJava's {@code WxPayService} calls them. Bodies are read as XML whatever
 * their Content-Type says (the SDK sends {@code application/json}); every answer is HTTP 200 and WeChat Pay XML.
 */
@Path("")
@ApplicationScoped
public class PayResource {

    @Inject
    PayCaller caller;

    @Inject
    MerchantOrders orders;

    @Inject
    PaymentCodes paymentCodes;

    @Inject
    RefundAnswers refunds;

    @Inject
    MerchantBills bills;

    @POST
    @Path("unifiedorder")
    @Consumes(MediaType.WILDCARD)
    @Produces(PayErrorMapper.XML)
    public Response unifiedOrder(byte[] body) {
        return caller.handle(body, orders::unifiedOrder);
    }

    @POST
    @Path("orderquery")
    @Consumes(MediaType.WILDCARD)
    @Produces(PayErrorMapper.XML)
    public Response orderQuery(byte[] body) {
        return caller.handle(body, orders::query);
    }

    @POST
    @Path("closeorder")
    @Consumes(MediaType.WILDCARD)
    @Produces(PayErrorMapper.XML)
    public Response closeOrder(byte[] body) {
        return caller.handle(body, orders::close);
    }

    @POST
    @Path("micropay")
    @Consumes(MediaType.WILDCARD)
    @Produces(PayErrorMapper.XML)
    public Response micropay(byte[] body) {
        return caller.handle(body, paymentCodes::micropay);
    }

    /** The day's bill as text (or GZIP); WeChat's {@code No Bill Exist} and other refusals as unsigned XML. */
    @POST
    @Path("downloadbill")
    @Consumes(MediaType.WILDCARD)
    public Response downloadBill(byte[] body) {
        Map<String, String> fields = caller.admit(body);
        return bills.download(caller.merchant(), fields);
    }

    @POST
    @Path("refundquery")
    @Consumes(MediaType.WILDCARD)
    @Produces(PayErrorMapper.XML)
    public Response refundQuery(byte[] body) {
        return caller.handle(body, refunds::query);
    }
}
