package org.oaplatform.payments.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.oaplatform.platform.control.BusinessException;

/**
 * A payment service provider over HTTPS: every request is signed JSON, every answer must be signed JSON, and
 * docs/bank-gateway.md is the contract. What the wallet relies on:
 * <ul>
 * <li>a charge or payout carries the platform's reference as its {@code Idempotency-Key}, so a retry never moves
 * money twice;</li>
 * <li>anything but a verified, well-formed answer (a timeout, a refused connection, a redirect, another status, a
 * bad or stale signature, unreadable JSON, another reference) is an <em>unknown outcome</em>:
 * {@code BANK_UNAVAILABLE}, after which the top-up stays pending or the payout processing until a status query
 * decides it. Only a verified {@code FAILED} or {@code DECLINED} answer is a refusal ({@code CARD_DECLINED});</li>
 * <li>no call lasts longer than {@code OA_BANK_TIMEOUT}, connecting and reading included, and no answer is read past
 * {@link #MAX_ANSWER_BYTES}.</li>
 * </ul>
 * Callers never hold a transaction while this waits (TopUps, Withdrawals, BankCards).
 */
public final class HttpBankGateway implements BankGateway {

    private static final Logger LOG = Logger.getLogger(HttpBankGateway.class.getName());

    static final String MERCHANT_HEADER = "X-OA-Merchant-Id";
    static final String TIMESTAMP_HEADER = "X-OA-Timestamp";
    static final String SIGNATURE_HEADER = "X-OA-Signature";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    /** How far an answer's timestamp may be from our clock; further, it may be a replay of an old answer. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration MAX_CONNECT = Duration.ofSeconds(5);
    private static final String CURRENCY = "CNY";

    private final BankConnection connection;
    private final Clock clock;
    private final HttpClient http;

    public HttpBankGateway(BankConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
        Duration connect = connection.timeout().compareTo(MAX_CONNECT) < 0 ? connection.timeout() : MAX_CONNECT;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public LinkedCard link(String cardDigits) {
        JsonObject answer = call("cards", JSON.createObjectBuilder().add("merchantId", connection.merchantId())
                .add("cardNumber", cardDigits).build(), "link_" + UUID.randomUUID());
        String result = text(answer, "result");
        if ("DECLINED".equals(result)) {
            throw new BusinessException(PaymentError.CARD_DECLINED);
        }
        if (!"LINKED".equals(result)) {
            throw unknown("cards", "result '" + result + "'");
        }
        try {
            return new LinkedCard(text(answer, "cardToken"), text(answer, "fingerprint"), text(answer, "bankName"),
                    CardType.valueOf(text(answer, "cardType")));
        } catch (IllegalArgumentException e) {
            throw unknown("cards", "cardType '" + answer.get("cardType") + "'");
        }
    }

    /** Returns only when the provider says the money moved; {@code PROCESSING} is still an unknown outcome. */
    @Override
    public void charge(String cardToken, long amountFen, String reference) {
        switch (movement("charges", cardToken, amountFen, reference)) {
            case "SUCCEEDED" -> {
                // charged
            }
            case "FAILED", "DECLINED" -> throw new BusinessException(PaymentError.CARD_DECLINED);
            case "PROCESSING" -> throw new BusinessException(PaymentError.BANK_UNAVAILABLE,
                    "the bank has not decided this charge yet; the top-up stays pending");
            default -> throw unknown("charges", "an unknown status");
        }
    }

    @Override
    public MovementStatus chargeStatus(String cardToken, String reference) {
        return status("charges/query", reference);
    }

    /** Returns when the provider accepted the payout (or made it already); the money arrives later. */
    @Override
    public void payout(String cardToken, long amountFen, String reference) {
        switch (movement("payouts", cardToken, amountFen, reference)) {
            case "ACCEPTED", "PROCESSING", "SUCCEEDED" -> {
                // accepted
            }
            case "FAILED", "DECLINED" -> throw new BusinessException(PaymentError.CARD_DECLINED);
            default -> throw unknown("payouts", "an unknown status");
        }
    }

    @Override
    public MovementStatus payoutStatus(String cardToken, String reference) {
        return status("payouts/query", reference);
    }

    private String movement(String operation, String cardToken, long amountFen, String reference) {
        if (amountFen < 1 || reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a bank moves at least 1 fen under the platform's reference");
        }
        JsonObject answer = call(operation, JSON.createObjectBuilder().add("merchantId", connection.merchantId())
                .add("reference", reference).add("cardToken", cardToken).add("amount", amountFen)
                .add("currency", CURRENCY).build(), reference);
        requireReference(operation, answer, reference);
        return text(answer, "status");
    }

    private MovementStatus status(String operation, String reference) {
        JsonObject answer = call(operation, JSON.createObjectBuilder().add("merchantId", connection.merchantId())
                .add("reference", reference).build(), null);
        requireReference(operation, answer, reference);
        String status = text(answer, "status");
        return switch (status) {
            case "SUCCEEDED" -> MovementStatus.SUCCEEDED;
            case "PROCESSING", "ACCEPTED" -> MovementStatus.PROCESSING;
            // NOT_FOUND: the request never reached the provider, which is as good as failed once it is older than
            // LONGEST_CALL (the reconciliation asks no sooner).
            case "FAILED", "DECLINED", "NOT_FOUND" -> MovementStatus.FAILED;
            default -> throw unknown(operation, "status '" + status + "'");
        };
    }

    /** Sends one signed request and answers its verified JSON, or throws {@code BANK_UNAVAILABLE}. */
    private JsonObject call(String operation, JsonObject body, String idempotencyKey) {
        URI uri = connection.endpoint(operation);
        String json = body.toString();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(connection.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header(MERCHANT_HEADER, connection.merchantId()).header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, connection.signature().ofRequest("POST", uri.getRawPath(), timestamp, json))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header(IDEMPOTENCY_HEADER, idempotencyKey);
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> sent =
                http.sendAsync(request.build(), BoundedBody.handler(MAX_ANSWER_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = sent.get(connection.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw unknown(operation, "no answer within " + connection.timeout());
        } catch (ExecutionException e) {
            throw unknown(operation, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.cancel(true);
            throw unknown(operation, "interrupted");
        }
        JsonObject answer = verified(operation, uri, response);
        // Every call is in the log, not only the failed ones (DESIGN.md, outbound calls): operators reconcile with it.
        LOG.info(() -> "bank " + operation + " " + Objects.toString(idempotencyKey, "") + " answered in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return answer;
    }

    private JsonObject verified(String operation, URI uri, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw unknown(operation, "HTTP " + response.statusCode());
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String timestamp = response.headers().firstValue(TIMESTAMP_HEADER).orElse("");
        String signature = response.headers().firstValue(SIGNATURE_HEADER).orElse(null);
        if (!connection.signature().signsResponse(signature, "POST", uri.getRawPath(), timestamp, body)) {
            LOG.severe(() -> "the bank's answer to " + operation + " is not signed with our key: a wrong"
                    + " OA_BANK_SIGNING_KEY or someone between us and the bank; treated as no answer");
            throw unknown(operation, "a bad signature");
        }
        if (!fresh(timestamp)) {
            throw unknown(operation, "a stale timestamp " + timestamp);
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw unknown(operation, "an answer that is not a JSON object");
        }
    }

    private boolean fresh(String timestamp) {
        try {
            long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
            return skew <= MAX_CLOCK_SKEW.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void requireReference(String operation, JsonObject answer, String reference) {
        if (!reference.equals(text(answer, "reference"))) {
            throw unknown(operation, "an answer about another reference");
        }
    }

    private static String text(JsonObject answer, String field) {
        return Optional.ofNullable(answer.get(field)).filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString()).orElse("");
    }

    private static BusinessException unknown(String operation, String why) {
        LOG.warning(() -> "bank " + operation + ": " + why + "; the outcome is unknown");
        return new BusinessException(PaymentError.BANK_UNAVAILABLE);
    }

    @Override
    public String toString() {
        return "HttpBankGateway[" + connection.baseUrl() + ", merchant " + connection.merchantId() + "]";
    }
}
