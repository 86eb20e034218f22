package org.oaplatform.merchants;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's notify_url in the test JVM (JDK HttpServer): records every notification it receives and answers
 * SUCCESS as WxJava's {@code WxPayNotifyResponse} writes it, after answering FAIL to the first {@code failFirst} ones.
 */
final class MerchantServer implements AutoCloseable {

    static final String SUCCESS = "<xml><return_code><![CDATA[SUCCESS]]></return_code>"
            + "<return_msg><![CDATA[OK]]></return_msg></xml>";
    static final String FAIL = "<xml><return_code><![CDATA[FAIL]]></return_code>"
            + "<return_msg><![CDATA[not yet]]></return_msg></xml>";

    private final HttpServer server;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft;

    MerchantServer(int failFirst) {
        failuresLeft = new AtomicInteger(failFirst);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/wxpay/notify", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = (failuresLeft.getAndDecrement() > 0 ? FAIL : SUCCESS).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String notifyUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wxpay/notify";
    }

    /** The next notification received, waiting at most {@code timeout}; null if none came. */
    String next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
