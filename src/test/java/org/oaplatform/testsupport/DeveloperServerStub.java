package org.oaplatform.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.oaplatform.webhooks.control.PushHeader;
import org.oaplatform.webhooks.control.PushXml;

/**
 * A developer server as a WeChat developer writes one with WxJava, on 127.0.0.1 in the test JVM: it checks every
 * request's signature with {@code WxMpService.checkSignature}, answers the handshake, reads pushes with
 * {@code WxMpXmlMessage.fromXml} / {@code fromEncryptedXml} and answers what the test's {@link #answer} says, e.g. a
 * {@code WxMpXmlOutMessage}, plain or encrypted by WxJava.
 */
public final class DeveloperServerStub implements AutoCloseable {

    /** A push as the server got it: the query, the body, and WxJava's reading of it (null when it could not). */
    public record Received(Map<String, String> query, String body, boolean signatureValid, WxMpXmlMessage message,
            String parseError) {
        public boolean encrypted() {
            return "aes".equals(query.get("encrypt_type"));
        }
    }

    /** What the server answers: a status, a body, after a delay. */
    public record Answer(int status, byte[] body, Duration delay, Map<String, String> headers) {
        public static Answer of(String body) {
            return new Answer(200, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO, Map.of());
        }

        public static Answer redirect(String location) {
            return new Answer(302, new byte[0], Duration.ZERO, Map.of("Location", location));
        }

        public Answer after(Duration pause) {
            return new Answer(status, body, pause, headers);
        }
    }

    private final HttpServer server;
    private final WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
    private final WxMpService wx = new WxMpServiceImpl();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answer = r -> Answer.of("success");
    private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(8);
    private volatile Function<Map<String, String>, Answer> handshake = query -> Answer.of(query.get("echostr"));

    private DeveloperServerStub(String token, String aesKey, String appid) throws IOException {
        config.setToken(token);
        config.setAesKey(aesKey);
        config.setAppId(appid);
        wx.setWxMpConfigStorage(config);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/wx", this::handle);
        server.start();
    }

    public static DeveloperServerStub start(String token, String aesKey, String appid) throws IOException {
        return new DeveloperServerStub(token, aesKey, appid);
    }

    /** A server for the account with a fresh token and key. */
    public static DeveloperServerStub start(String appid) throws IOException {
        return new DeveloperServerStub(token(), aesKey(), appid);
    }

    /** Makes this the account's developer server in {@code mode} (PLAIN, COMPATIBLE, SAFE), through the API. */
    public void connect(TestData.App app, String mode) {
        Api.Reply saved = app.owner().put("api/v1/official-accounts/" + app.appid() + "/server",
                jakarta.json.Json.createObjectBuilder().add("url", url()).add("token", config.getToken())
                        .add("encodingAesKey", config.getAesKey()).add("mode", mode).add("enabled", true).build());
        if (saved.status() != 200) {
            throw new AssertionError("server not saved: " + saved);
        }
    }

    /** Waits for the {@code count}th push and answers it, read by WxJava. */
    public Received await(int count) {
        List<Received> all = Eventually.poll(Duration.ofSeconds(30), this::received, r -> r.size() >= count);
        if (all.size() != count) {
            throw new AssertionError("expected " + count + " pushes, got " + all.size());
        }
        Received last = all.get(count - 1);
        if (last.message() == null) {
            throw new AssertionError("WxJava could not read the push: " + last.parseError() + "\n" + last.body());
        }
        return last;
    }

    /** A token as WeChat's console accepts one. */
    public static String token() {
        return "tok" + TestData.digits(10);
    }

    /**
     * A random EncodingAESKey that WxJava can use too: its commons-codec refuses a last character with bits beyond
     * the 32 bytes (docs/webhooks.md), so the key ends in {@code A}.
     */
    public static String aesKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 42; i++) {
            key.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return key.append('A').toString();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wx";
    }

    public WxMpDefaultConfigImpl config() {
        return config;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void answer(Function<Received, Answer> next) {
        answer = next;
    }

    /** How a correctly signed handshake is answered (by default: the echostr). */
    public void handshake(Function<Map<String, String>, Answer> next) {
        handshake = next;
    }

    /** A reply built with WxJava, encrypted by WxJava when the push was. */
    public Answer reply(Received push, WxMpXmlOutMessage reply) {
        return Answer.of(push.encrypted() ? reply.toEncryptedXml(config) : reply.toXml());
    }

    /**
     * Parses one push with WxJava, whose XML binding is built on the first message a JVM reads (about half a second,
     * during which the push is neither recorded nor answered): a benchmark that times the platform up to a push calls
     * this first, as a developer server in production has served before.
     */
    public static void warmUp() {
        WxMpXmlMessage.fromXml(PushXml.massSendJobFinish(new PushHeader("gh_warm_up", "mphelper", Instant.EPOCH), 1,
                "send success", 1, 1, 1, 0));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean signed = wx.checkSignature(query.get("timestamp"), query.get("nonce"), query.get("signature"));
            if ("GET".equals(exchange.getRequestMethod())) {
                send(exchange, signed ? handshake.apply(query)
                        : new Answer(403, "bad signature".getBytes(), Duration.ZERO, Map.of()));
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            WxMpXmlMessage message = null;
            String parseError = null;
            try {
                message = "aes".equals(query.get("encrypt_type"))
                        ? WxMpXmlMessage.fromEncryptedXml(body, config, query.get("timestamp"), query.get("nonce"),
                                query.get("msg_signature"))
                        : WxMpXmlMessage.fromXml(body);
            } catch (RuntimeException e) {
                parseError = e.toString();
            }
            Received push = new Received(query, body, signed, message, parseError);
            received.add(push);
            send(exchange, answer.apply(push));
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try {
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (IOException hungUp) {
            // the platform stopped listening (a timeout, a cap): what the test is about, not an error here
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
