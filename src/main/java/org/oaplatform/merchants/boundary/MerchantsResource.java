package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.payments.boundary.IdempotentRequests;

/**
 * Client API: an official account becomes a merchant, shows its merchant details, resets its API key, and its owner
 * refunds orders.
 */
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

    public static class OwnerRefund {
        /** The merchant's out_trade_no of the paid order. */
        @NotBlank(message = "{oa.outTradeNo.required}")
        public String outTradeNo;
        /** In fen. */
        @NotNull(message = "{oa.amount.required}")
        public Long amount;
        public String reason;
        public String pin;
    }

    @Inject
    CurrentPerson currentPerson;

    @Inject
    OwnerRefunds refunds;

    @Inject
    MerchantSettlements settlements;

    @Inject
    StaticCodes staticCodes;

    @Inject
    MerchantCertificates certificates;

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

    /** The owner names another of their cards for the settlements that follow. */
    @PUT
    @Path("settlement-card")
    public Merchants.MerchantView changeSettlementCard(@PathParam("appid") String appid,
            @Valid @NotNull(message = "{oa.body.required}") Enrolment request) {
        return merchants.changeSettlementCard(currentPerson.id(), appid, request.settlementCardId);
    }

    /** A refund by the owner with the payment password; the Idempotency-Key makes a retry the same refund. */
    @POST
    @Path("refunds")
    public Response refund(@PathParam("appid") String appid, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull(message = "{oa.body.required}") OwnerRefund request) {
        return Response.status(201).entity(refunds.refund(currentPerson.id(), appid, key, request.outTradeNo,
                request.amount, request.reason, request.pin)).build();
    }

    @GET
    @Path("refunds")
    public List<OwnerRefunds.RefundView> refunds(@PathParam("appid") String appid,
            @QueryParam("outTradeNo") String outTradeNo) {
        return refunds.ofOrder(currentPerson.id(), appid, outTradeNo);
    }

    public static class StaticCodeRequest {
        /** Where orders paid through the static code are notified; none when absent. */
        public String notifyUrl;
    }

    /** The merchant's static code (made on first call, then the same); the owner sets where its orders are told. */
    @POST
    @Path("static-code")
    public StaticCodes.StaticCode staticCode(@PathParam("appid") String appid, StaticCodeRequest request) {
        return staticCodes.issue(currentPerson.id(), appid, request == null ? null : request.notifyUrl);
    }

    /**
     * A new API client certificate ({@code apiclient_cert.p12}, password = mch_id) for the SDK's {@code /secapi}
     * calls; the owner only.
     */
    @POST
    @Path("certificate")
    @Consumes(MediaType.WILDCARD)
    @Produces("application/x-pkcs12")
    public Response certificate(@PathParam("appid") String appid) {
        MerchantCertificates.Download download = certificates.issue(currentPerson.id(), appid);
        return Response.ok(download.p12(), "application/x-pkcs12")
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("X-Certificate-Serial", download.serial()).build();
    }

    /** The latest settlements to the bank card, newest first. */
    @GET
    @Path("settlements")
    public List<MerchantSettlements.SettlementView> settlements(@PathParam("appid") String appid,
            @QueryParam("limit") @DefaultValue("30") int limit) {
        return settlements.ofMerchant(currentPerson.id(), appid, limit);
    }

    /** The old key stops working at once; the new one is shown this once. */
    @POST
    @Path("api-key")
    @Consumes(MediaType.WILDCARD)
    public Merchants.NewKey resetApiKey(@PathParam("appid") String appid) {
        return merchants.resetApiKey(currentPerson.id(), appid);
    }
}
