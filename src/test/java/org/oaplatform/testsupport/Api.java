package org.oaplatform.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP client for black-box tests of both API surfaces. Every instance poses as its own client address
 * ({@code X-Forwarded-For}, believed from loopback in the test domain) so per-address limits of one test never
 * touch another.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String clientAddress;
    private String bearer;
    private Map<String, String> headers = Map.of();

    public record Reply(int status, String contentType, String text, Map<String, List<String>> headers) {
        public Reply(int status, String contentType, String text) {
            this(status, contentType, text, Map.of());
        }

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            return Json.createReader(new StringReader(text)).read();
        }

        /** The problem type slug, e.g. {@code phone-taken}, of a problem+json answer. */
        public String problem() {
            String type = json().getString("type");
            return type.substring(type.lastIndexOf(':') + 1);
        }

        public int errcode() {
            return json().getInt("errcode", 0);
        }
    }

    /** An answer read as bytes: a downloaded file, or the error a download got instead. */
    public record Download(int status, String contentType, byte[] body, Map<String, List<String>> headers) {

        public String header(String name) {
            return new Reply(status, contentType, "", headers).header(name);
        }

        /** The body as the JSON answer of a failed download. */
        public Reply asReply() {
            return new Reply(status, contentType, new String(body, java.nio.charset.StandardCharsets.UTF_8), headers);
        }
    }

    public Api(URL base) {
        this(base.toString(), TestData.clientAddress());
    }

    public Api(String base, String clientAddress) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.clientAddress = clientAddress;
    }

    public Api as(String token) {
        Api other = new Api(base, clientAddress);
        other.bearer = token;
        other.headers = headers;
        return other;
    }

    public Api from(String address) {
        Api other = new Api(base, address);
        other.bearer = bearer;
        other.headers = headers;
        return other;
    }

    /** A client that also sends this header, e.g. {@code Idempotency-Key}. */
    public Api withHeader(String name, String value) {
        Api other = new Api(base, clientAddress);
        other.bearer = bearer;
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        other.headers = Map.copyOf(more);
        return other;
    }

    public String base() {
        return base;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply post(String path, JsonValue body) {
        return post(path, body.toString(), "application/json");
    }

    public Reply post(String path, String body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A body of raw bytes, e.g. a multipart upload. */
    public Reply post(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A GET whose answer is kept as bytes (a file). */
    public Download download(String path) {
        return download(request(path).GET());
    }

    /** A POST without a body whose answer is a file (something issued on request). */
    public Download downloadAfterPost(String path) {
        return download(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static Download download(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A large upload as careful clients send it: headers first, the body only after {@code 100 Continue}. */
    public Reply postExpectingContinue(String path, String body, String contentType) {
        return send(request(path).expectContinue(true).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, JsonValue body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply patch(String path, JsonValue body) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", clientAddress);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** All SMS bodies the dev-mode outbox shows for {@code phone}, newest first. */
    public List<String> smsTo(String phone) {
        List<String> bodies = new ArrayList<>();
        for (JsonValue v : get("api/v1/dev/sms-outbox").array()) {
            JsonObject m = v.asJsonObject();
            if (m.getString("phone").equals(phone)) {
                bodies.add(m.getString("body"));
            }
        }
        return bodies;
    }

    /** The code of the newest SMS to {@code phone}. */
    public String latestCode(String phone) {
        List<String> bodies = smsTo(phone);
        if (bodies.isEmpty()) {
            throw new AssertionError("no SMS was sent to " + phone);
        }
        return bodies.get(0).replaceAll("(?s).*?(\\d{6}).*", "$1");
    }
}
