package org.oaplatform.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * Client API: the caller's wallet, payment password, statement, bank cards, top-ups and withdrawals. Amounts are
 * whole fen (1 CNY = 100 fen). Requests that move money need an {@code Idempotency-Key} header.
 */
@Path("wallet")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WalletResource {

    /** Public fields, not a record: Payara's OpenAPI scanner fails on constrained records. */
    public static class PasswordChange {
        @NotBlank(message = "{oa.pin.required}")
        public String pin;
        /** Needed when a password is already set. */
        public String currentPin;
    }

    public static class CardLink {
        @NotBlank(message = "{oa.card.required}")
        @Size(max = 40)
        public String number;
    }

    public static class TopUpRequest {
        @NotBlank(message = "{oa.card.required}")
        public String cardId;
        @NotNull(message = "{oa.amount.required}")
        public Long amount;
    }

    public static class WithdrawalRequest {
        @NotBlank(message = "{oa.card.required}")
        public String cardId;
        @NotNull(message = "{oa.amount.required}")
        public Long amount;
        public String pin;
    }

    @Inject
    CurrentPerson currentPerson;

    @Inject
    Wallets wallets;

    @Inject
    Statements statements;

    @Inject
    BankCards cards;

    @Inject
    TopUps topUps;

    @Inject
    Withdrawals withdrawals;

    @GET
    public Wallets.WalletView wallet() {
        return wallets.view(currentPerson.id());
    }

    @PUT
    @Path("payment-password")
    public Response setPassword(@Valid @NotNull(message = "{oa.body.required}") PasswordChange change) {
        wallets.setPassword(currentPerson.id(), change.pin, change.currentPin);
        return Response.noContent().build();
    }

    @GET
    @Path("transactions")
    public Statements.Page transactions(@QueryParam("type") List<PostingKind> types,
            @QueryParam("direction") Statements.Direction direction, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return statements.of(currentPerson.id(), new Statements.Filter(types, direction, instant("from", from),
                instant("to", to), before, Statements.pageSize(limit)));
    }

    @GET
    @Path("withdrawal-fee")
    public Withdrawals.FeeQuote withdrawalFee(@QueryParam("amount") Long amount) {
        return withdrawals.quote(currentPerson.id(), amount);
    }

    @GET
    @Path("cards")
    public List<BankCards.CardView> cards() {
        return cards.list(currentPerson.id());
    }

    @POST
    @Path("cards")
    public Response linkCard(@Valid @NotNull(message = "{oa.body.required}") CardLink link) {
        BankCards.CardView card = cards.link(currentPerson.id(), link.number);
        return Response.created(URI.create("wallet/cards/" + card.id())).entity(card).build();
    }

    @DELETE
    @Path("cards/{id}")
    public Response removeCard(@PathParam("id") String cardId) {
        cards.remove(currentPerson.id(), cardId);
        return Response.noContent().build();
    }

    @POST
    @Path("top-ups")
    public Response topUp(@HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull(message = "{oa.body.required}") TopUpRequest request) {
        return topUps.topUp(currentPerson.id(), key, request.cardId, request.amount).response();
    }

    @GET
    @Path("top-ups/{id}")
    public TopUps.TopUpView topUp(@PathParam("id") String topUpId) {
        return topUps.get(currentPerson.id(), topUpId);
    }

    @POST
    @Path("withdrawals")
    public Response withdraw(@HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull(message = "{oa.body.required}") WithdrawalRequest request) {
        return withdrawals.withdraw(currentPerson.id(), key, request.cardId, request.amount, request.pin)
                .response();
    }

    @GET
    @Path("withdrawals/{id}")
    public Withdrawals.WithdrawalView withdrawal(@PathParam("id") String withdrawalId) {
        return withdrawals.get(currentPerson.id(), withdrawalId);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
