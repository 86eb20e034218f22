package org.oaplatform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;

/** The outbound client against a real HTTP server on loopback: what it sends, and every way an answer goes wrong. */
class DeveloperServerClientTest {

    private HttpServer server;
    private final AtomicReference<String> host = new AtomicReference<>();
    private final AtomicReference<String> query = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            query.set(exchange.getRequestURI().getRawQuery());
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, "success".getBytes(StandardCharsets.UTF_8), false);
        });
        server.createContext("/chunked", exchange -> answer(exchange, 200, "chunked answer".repeat(1000).getBytes(
                StandardCharsets.UTF_8), true));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            answer(exchange, 302, new byte[0], false);
        });
        server.createContext("/error", exchange -> answer(exchange, 500, "boom".getBytes(), false));
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 160; i++) {
                    out.write(block);
                }
            } catch (IOException expected) {
                // the client hung up
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
                answer(exchange, 200, "late".getBytes(), false);
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, byte[] bytes, boolean chunked) throws IOException {
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static DeveloperServerClient client(boolean allowPrivate, Duration timeout) {
        return new DeveloperServerClient(new OutboundUrlPolicy(allowPrivate), InetAddress::getAllByName, timeout,
                64 * 1024);
    }

    @Test
    void postsTheXmlWithTheQueryAndReadsTheAnswer() {
        DeveloperServerClient.Answer answer = client(true, Duration.ofSeconds(5))
                .postXml(url("/echo?existing=1&signature=abc"), "<xml>中文</xml>");
        assertEquals(200, answer.status());
        assertArrayEquals("success".getBytes(), answer.body());
        assertEquals("existing=1&signature=abc", query.get());
        assertEquals("<xml>中文</xml>", body.get());
        assertEquals("127.0.0.1:" + server.getAddress().getPort(), host.get());
    }

    @Test
    void dialsTheCheckedAddressButNamesTheHost() {
        DeveloperServerClient client = new DeveloperServerClient(new OutboundUrlPolicy(true),
                name -> new InetAddress[] {InetAddress.getLoopbackAddress()}, Duration.ofSeconds(5), 1024);
        client.get(URI.create("http://developer.example:" + server.getAddress().getPort() + "/echo"));
        assertEquals("developer.example:" + server.getAddress().getPort(), host.get());
    }

    @Test
    void aNameThatResolvesToAForbiddenAddressIsNeverDialled() {
        DeveloperServerClient client = new DeveloperServerClient(new OutboundUrlPolicy(false),
                name -> new InetAddress[] {InetAddress.getLoopbackAddress()}, Duration.ofSeconds(5), 1024);
        BusinessException refused = assertThrows(BusinessException.class,
                () -> client.get(URI.create("http://rebound.example:" + server.getAddress().getPort() + "/echo")));
        assertEquals(WebhookError.SERVER_URL_REFUSED, refused.code());
        assertEquals(null, host.get(), "nothing reached the server");
    }

    @Test
    void readsAChunkedAnswer() {
        DeveloperServerClient.Answer answer = client(true, Duration.ofSeconds(5)).get(url("/chunked"));
        assertEquals("chunked answer".repeat(1000), new String(answer.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aRedirectIsAFailureAndNotFollowed() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> client(true, Duration.ofSeconds(5)).postXml(url("/redirect"), "<xml/>"));
        assertEquals(WebhookError.WEBHOOK_REDIRECT_REFUSED, e.code());
        assertTrue(e.getMessage().contains("302"), e.getMessage());
    }

    @Test
    void anErrorStatusIsAFailure() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> client(true, Duration.ofSeconds(5)).postXml(url("/error"), "<xml/>"));
        assertEquals(WebhookError.WEBHOOK_HTTP_STATUS, e.code());
    }

    @Test
    void anEndlessAnswerIsCutAtTheCap() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> client(true, Duration.ofSeconds(5)).postXml(url("/huge"), "<xml/>"));
        assertEquals(WebhookError.WEBHOOK_PAYLOAD_TOO_LARGE, e.code());
    }

    @Test
    void aSlowServerTimesOutWithinTheBound() {
        long started = System.nanoTime();
        BusinessException e = assertThrows(BusinessException.class,
                () -> client(true, Duration.ofMillis(300)).postXml(url("/slow"), "<xml/>"));
        assertEquals(WebhookError.WEBHOOK_TIMEOUT, e.code());
        assertTrue(System.nanoTime() - started < 1_500_000_000L, "bounded by the timeout, not the server");
    }

    @Test
    void loopbackIsRefusedUnlessTheInstallationAllowsIt() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> client(false, Duration.ofSeconds(5)).postXml(url("/echo"), "<xml/>"));
        assertEquals(WebhookError.SERVER_URL_REFUSED, e.code());
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        BusinessException e = assertThrows(BusinessException.class, () -> client(true, Duration.ofSeconds(5))
                .postXml(URI.create("http://127.0.0.1:" + port + "/"), "<xml/>"));
        assertEquals(WebhookError.WEBHOOK_UNREACHABLE, e.code());
    }
}
