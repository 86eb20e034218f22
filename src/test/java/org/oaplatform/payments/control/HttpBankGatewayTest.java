package org.oaplatform.payments.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.oaplatform.payments.control.BankGateway.CardType;
import org.oaplatform.payments.control.BankGateway.LinkedCard;
import org.oaplatform.payments.control.BankGateway.MovementStatus;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.testsupport.StubBankProvider.Received;
import org.oaplatform.testsupport.StubBankProvider;

/** The HTTP gateway against a stub provider on 127.0.0.1: the JSON contract, signatures, and every unknown outcome. */
class HttpBankGatewayTest {

    private static final String KEY = "merchant-signing-key-0123456789abcdef";
    private static final String MERCHANT = "m-100200";
    private static final Duration TIMEOUT = Duration.ofMillis(700);

    private StubBankProvider provider;
    private HttpBankGateway bank;

    @BeforeEach
    void startProvider() throws IOException {
        provider = new StubBankProvider(KEY);
        bank = new HttpBankGateway(BankConnection.of(Optional.of(provider.baseUrl()), Optional.of(MERCHANT),
                Optional.of(KEY), TIMEOUT.toString()), Clock.systemUTC());
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private static void assertFails(ErrorCode expected, Executable call) {
        assertEquals(expected, assertThrows(BusinessException.class, call).code());
    }

    private static JsonObject movement(Received request, String status) {
        return Json.createObjectBuilder().add("reference", request.json().getString("reference"))
                .add("status", status).build();
    }

    private Received onlyRequest() {
        assertEquals(1, provider.received().size(), "exactly one call to the provider");
        return provider.received().get(0);
    }

    @Test
    void aChargeIsSignedJsonUnderTheTopUpsReferenceAndSucceedsOnASignedAnswer() {
        provider.answer(r -> provider.signed(movement(r, "SUCCEEDED")));
        assertDoesNotThrow(() -> bank.charge("tok_1", 12_345, "top_0a1b2c3d"));
        Received request = onlyRequest();
        assertEquals(StubBankProvider.BASE_PATH + "/charges", request.path());
        assertTrue(request.signatureValid(), "signed with the merchant's key");
        assertEquals(MERCHANT, request.header("X-OA-Merchant-Id"));
        assertEquals("top_0a1b2c3d", request.header("Idempotency-Key"));
        assertEquals("application/json", request.header("Content-Type"));
        JsonObject body = request.json();
        assertEquals(MERCHANT, body.getString("merchantId"));
        assertEquals("top_0a1b2c3d", body.getString("reference"));
        assertEquals("tok_1", body.getString("cardToken"));
        assertEquals(12_345, body.getJsonNumber("amount").longValueExact());
        assertEquals("CNY", body.getString("currency"));
        long sent = Long.parseLong(request.header(StubBankProvider.TIMESTAMP));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - sent) < 5, "a timestamp in epoch seconds");
    }

    @Test
    void signaturesAreHmacSha256OfDirectionMethodPathTimestampAndBody() {
        // Computed independently (Python's hmac module) from the text that docs/bank-gateway.md specifies.
        BankSignature signature = new BankSignature("0123456789abcdef0123456789abcdef");
        assertEquals("3367c1fa3765bf7524fc00da64d586fbb3843f775d960a7ed2a179a6fd3d8161",
                signature.ofRequest("POST", "/psp/v1/charges", "1764633600", "{\"reference\":\"top_1\"}"));
        String answer = "{\"reference\":\"top_1\",\"status\":\"SUCCEEDED\"}";
        String expected = "ffd9dfcc5d6d0aee5a677af210353b67b8d20ab4903147cda61bd86de4347e49";
        assertEquals(expected, signature.ofResponse("POST", "/psp/v1/charges", "1764633600", answer));
        assertTrue(signature.signsResponse(expected.toUpperCase(), "POST", "/psp/v1/charges", "1764633600", answer));
        assertTrue(!signature.signsResponse(expected, "POST", "/psp/v1/payouts", "1764633600", answer),
                "an answer to another operation does not verify");
        assertTrue(!signature.signsResponse(signature.ofRequest("POST", "/psp/v1/charges", "1764633600", answer),
                "POST", "/psp/v1/charges", "1764633600", answer), "our own request sent back is no answer");
    }

    @Test
    void aChargeTheProviderRefusedIsADeclineAndOneItHasNotDecidedIsAnUnknownOutcome() {
        provider.answer(r -> provider.signed(movement(r, "DECLINED")));
        assertFails(PaymentError.CARD_DECLINED, () -> bank.charge("tok_1", 100, "top_1"));
        provider.answer(r -> provider.signed(movement(r, "FAILED")));
        assertFails(PaymentError.CARD_DECLINED, () -> bank.charge("tok_1", 100, "top_2"));
        provider.answer(r -> provider.signed(movement(r, "PROCESSING")));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_3"));
        provider.answer(r -> provider.signed(movement(r, "MAYBE")));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_4"));
    }

    @Test
    void aChargeWithoutAnAnswerInTimeIsAnUnknownOutcomeAndTheCallEndsAtTheTimeout() {
        provider.answer(r -> provider.signed(movement(r, "SUCCEEDED")).after(Duration.ofSeconds(10)));
        long start = System.nanoTime();
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(TIMEOUT.plusSeconds(2)) < 0, "gave up after " + took);
    }

    @Test
    void aBadlySignedDeclineIsAnUnknownOutcomeNotARefusal() {
        // Believing it would forget the top-up's key although the money may have moved.
        BankSignature stranger = new BankSignature("somebody-else's-key-0123456789abcdef");
        provider.answer(r -> provider.signed(movement(r, "FAILED")).signedBy(stranger));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_1"));
        provider.answer(r -> provider.signed(movement(r, "ACCEPTED")).signedBy(stranger));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.payout("tok_1", 100, "wdr_1"));
    }

    @Test
    void aStaleAnswerAnAnswerAboutAnotherReferenceAndUnreadableAnswersAreUnknownOutcomes() {
        provider.answer(r -> provider.signed(movement(r, "SUCCEEDED")).at(Instant.now().minus(Duration.ofMinutes(6))));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_1"));
        provider.answer(r -> provider.signed(Json.createObjectBuilder().add("reference", "top_other")
                .add("status", "SUCCEEDED").build()));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_2"));
        provider.answer(r -> provider.status(200, "{\"reference\":"));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_3"));
        provider.answer(r -> provider.status(200, "[\"SUCCEEDED\"]"));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_4"));
        provider.answer(r -> provider.status(500, movement(r, "SUCCEEDED").toString()));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_5"));
        provider.answer(r -> provider.status(200, "{\"reference\":\"top_6\",\"status\":\"SUCCEEDED\",\"pad\":\""
                + "x".repeat(HttpBankGateway.MAX_ANSWER_BYTES) + "\"}"));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_6"));
    }

    @Test
    void redirectsAreNotFollowed() {
        provider.answer(r -> r.path().endsWith("/elsewhere") ? provider.signed(movement(r, "SUCCEEDED"))
                : provider.redirect(StubBankProvider.BASE_PATH + "/elsewhere"));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_1"));
        assertEquals(StubBankProvider.BASE_PATH + "/charges", onlyRequest().path());
    }

    @Test
    void aProviderThatIsDownIsAnUnknownOutcome() {
        provider.close();
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge("tok_1", 100, "top_1"));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.chargeStatus("tok_1", "top_1"));
    }

    @Test
    void statusQueriesMapTheProvidersWordsAndNeverReceivedIsFailed() {
        for (String[] c : new String[][] {{"SUCCEEDED", "SUCCEEDED"}, {"PROCESSING", "PROCESSING"},
                {"FAILED", "FAILED"}, {"NOT_FOUND", "FAILED"}}) {
            provider.answer(r -> provider.signed(movement(r, c[0])));
            assertEquals(MovementStatus.valueOf(c[1]), bank.chargeStatus("tok_1", "top_1"), c[0]);
            assertEquals(MovementStatus.valueOf(c[1]), bank.payoutStatus("tok_1", "wdr_1"), c[0]);
        }
        Received query = provider.received().get(provider.received().size() - 1);
        assertEquals(StubBankProvider.BASE_PATH + "/payouts/query", query.path());
        assertEquals("wdr_1", query.json().getString("reference"));
        assertTrue(query.signatureValid());
    }

    @Test
    void aStatusQueryWithoutATrustworthyAnswerDecidesNothing() {
        provider.answer(r -> provider.signed(movement(r, "FAILED"))
                .signedBy(new BankSignature("somebody-else's-key-0123456789abcdef")));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.chargeStatus("tok_1", "top_1"));
        provider.answer(r -> provider.signed(movement(r, "FAILED")).after(Duration.ofSeconds(10)));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.payoutStatus("tok_1", "wdr_1"));
    }

    @Test
    void aPayoutIsAcceptedRefusedOrUnknown() {
        provider.answer(r -> provider.signed(movement(r, "ACCEPTED")));
        assertDoesNotThrow(() -> bank.payout("tok_1", 5_000, "wdr_1"));
        Received request = onlyRequest();
        assertEquals(StubBankProvider.BASE_PATH + "/payouts", request.path());
        assertEquals("wdr_1", request.header("Idempotency-Key"));
        assertEquals(5_000, request.json().getJsonNumber("amount").longValueExact());
        provider.answer(r -> provider.signed(movement(r, "FAILED")));
        assertFails(PaymentError.CARD_DECLINED, () -> bank.payout("tok_1", 5_000, "wdr_2"));
        provider.answer(r -> provider.signed(movement(r, "ACCEPTED")).after(Duration.ofSeconds(10)));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.payout("tok_1", 5_000, "wdr_3"));
    }

    @Test
    void aCardIsLinkedByTheNumberOnceAndNamedByTheProvidersTokenAfterwards() {
        provider.answer(r -> provider.signed(Json.createObjectBuilder().add("result", "LINKED")
                .add("cardToken", "psp_tok_9").add("fingerprint", "psp_fp_1").add("bankName", "Bank of China")
                .add("cardType", "DEBIT").build()));
        LinkedCard card = bank.link("6216610000000006");
        assertEquals(new LinkedCard("psp_tok_9", "psp_fp_1", "Bank of China", CardType.DEBIT), card);
        Received request = onlyRequest();
        assertEquals(StubBankProvider.BASE_PATH + "/cards", request.path());
        assertEquals("6216610000000006", request.json().getString("cardNumber"));
        assertTrue(request.signatureValid());
        assertTrue(request.header("Idempotency-Key").startsWith("link_"));

        provider.answer(r -> provider.signed(Json.createObjectBuilder().add("result", "DECLINED").build()));
        assertFails(PaymentError.CARD_DECLINED, () -> bank.link("6216610000000006"));
        provider.answer(r -> provider.signed(Json.createObjectBuilder().add("result", "LINKED")
                .add("cardToken", "t").add("fingerprint", "f").add("bankName", "b").add("cardType", "GOLD").build()));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.link("6216610000000006"));
    }
}
