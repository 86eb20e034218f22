package org.oaplatform.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.oaplatform.payments.control.BankSignature;

/**
 * A payment service provider as docs/bank-gateway.md describes it, on 127.0.0.1, answering what a test tells it to:
 * the JDK's own HTTP server, so the gateway's real HTTP client, timeouts and signatures are what is tested. Header
 * names are written out here rather than taken from the gateway, so that the test holds the gateway to the document.
 */
public final class StubBankProvider implements AutoCloseable {

    public static final String BASE_PATH = "/psp/v1";
    public static final String TIMESTAMP = "X-OA-Timestamp";
    public static final String SIGNATURE = "X-OA-Signature";

    /** One request as the provider received it, with whether its signature verified under the merchant's key. */
    public record Received(String path, Headers headers, String body, boolean signatureValid) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** What the provider answers: a status, a body, and how it is signed and timed. */
    public record Answer(int status, String body, BankSignature signedWith, Instant timestamp, Duration delay,
            String location) {

        public Answer signedBy(BankSignature other) {
            return new Answer(status, body, other, timestamp, delay, location);
        }

        public Answer at(Instant when) {
            return new Answer(status, body, signedWith, when, delay, location);
        }

        public Answer after(Duration wait) {
            return new Answer(status, body, signedWith, timestamp, wait, location);
        }
    }

    private final BankSignature signature;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers = r -> status(500, "{}");

    public StubBankProvider(String signingKey) throws IOException {
        this.signature = new BankSignature(signingKey);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    public void answer(Function<Received, Answer> answers) {
        this.answers = answers;
    }

    public List<Received> received() {
        return received;
    }

    /** A 200 answer signed with the merchant's key, timestamped now. */
    public Answer signed(JsonObject body) {
        return new Answer(200, body.toString(), signature, Instant.now(), Duration.ZERO, null);
    }

    public Answer status(int status, String body) {
        return new Answer(status, body, signature, Instant.now(), Duration.ZERO, null);
    }

    public Answer redirect(String location) {
        return new Answer(302, "", signature, Instant.now(), Duration.ZERO, location);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Headers headers = exchange.getRequestHeaders();
            boolean valid = signature.signsRequest(headers.getFirst(SIGNATURE),
                    exchange.getRequestMethod(), path, headers.getFirst(TIMESTAMP), body);
            Received request = new Received(path, headers, body, valid);
            received.add(request);
            Answer answer = answers.apply(request);
            if (!answer.delay().isZero() && closing.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            String timestamp = Long.toString(answer.timestamp().getEpochSecond());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add(TIMESTAMP, timestamp);
            exchange.getResponseHeaders().add(SIGNATURE,
                    answer.signedWith().ofResponse(exchange.getRequestMethod(), path, timestamp, answer.body()));
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the gateway gave up on this answer (a timeout test); nothing to tell it
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
