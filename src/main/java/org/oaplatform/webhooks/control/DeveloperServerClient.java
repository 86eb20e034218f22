package org.oaplatform.webhooks.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.oaplatform.platform.control.BusinessException;

/**
 * The one HTTP client that calls developer servers (the handshake and every push). It dials only an address that
 * {@link OutboundUrlPolicy} passed, which the JDK's clients cannot promise (they resolve the name again by themselves,
 * so a DNS answer that changed after our check would win): here the name is resolved once, checked, and the socket
 * connects to that address, with the name kept for the {@code Host} header, SNI and the certificate check.
 * <p>
 * HTTP/1.1, one request per connection, no redirects (a 3xx is a failure), the whole exchange, connect included,
 * bounded by one timeout, and no answer read past {@code maxReplyBytes}. Every failure is a {@link BusinessException}
 * with a {@link WebhookError} and a detail for the delivery log.
 */
public final class DeveloperServerClient {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final OutboundUrlPolicy policy;
    private final OutboundUrlPolicy.Resolver resolver;
    private final Duration timeout;
    private final int maxReplyBytes;

    /** What a server answered with a 2xx status. */
    public record Answer(int status, byte[] body) {
    }

    public DeveloperServerClient(OutboundUrlPolicy policy, OutboundUrlPolicy.Resolver resolver, Duration timeout,
            int maxReplyBytes) {
        this.policy = policy;
        this.resolver = resolver;
        this.timeout = timeout;
        this.maxReplyBytes = maxReplyBytes;
    }

    public Answer get(URI uri) {
        return exchange("GET", uri, null);
    }

    public Answer postXml(URI uri, String xml) {
        return exchange("POST", uri, xml.getBytes(StandardCharsets.UTF_8));
    }

    private Answer exchange(String method, URI uri, byte[] body) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<InetAddress> addresses = policy.resolve(uri, resolver);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        try (Socket socket = connect(addresses, port, deadline)) {
            Socket channel = https ? tls(socket, uri.getHost(), port, deadline) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(requestHead(method, uri, port, https, body));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(new DeadlineInput(channel, deadline));
        } catch (SocketTimeoutException e) {
            throw new BusinessException(WebhookError.WEBHOOK_TIMEOUT,
                    "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new BusinessException(WebhookError.WEBHOOK_UNREACHABLE, describe(e));
        }
    }

    private Socket connect(List<InetAddress> addresses, int port, long deadline) throws IOException {
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
                // the address dialled is the one that passed; checked once more where the connection really ended
                policy.checkAddress(((InetSocketAddress) socket.getRemoteSocketAddress()).getAddress());
                return socket;
            } catch (IOException | RuntimeException e) {
                socket.close();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                last = (IOException) e;
                if (e instanceof SocketTimeoutException) {
                    throw last;
                }
            }
        }
        throw last != null ? last : new IOException("no address to connect to");
    }

    private static Socket tls(Socket plain, String host, int port, long deadline) throws IOException {
        try {
            SSLSocket socket = (SSLSocket) SSLContext.getDefault().getSocketFactory()
                    .createSocket(plain, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(remainingMillis(deadline));
            socket.startHandshake();
            return socket;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("TLS is part of every Java platform", e);
        }
    }

    private static byte[] requestHead(String method, URI uri, int port, boolean https, byte[] body) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean defaultPort = port == (https ? 443 : 80);
        String host = uri.getHost() + (defaultPort ? "" : ":" + port);
        StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("User-Agent: OA-Platform-Webhook\r\n")
                .append("Accept: */*\r\n")
                .append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Type: text/xml; charset=utf-8\r\n").append("Content-Length: ").append(body.length)
                    .append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Answer read(DeadlineInput in) throws IOException {
        String head = in.head();
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new BusinessException(WebhookError.WEBHOOK_HTTP_STATUS, "the answer is not HTTP/1.x");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new BusinessException(WebhookError.WEBHOOK_HTTP_STATUS, "the answer has no status code");
        }
        long contentLength = -1;
        boolean chunked = false;
        String location = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> contentLength = parseLength(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "location" -> location = value;
                default -> {
                    // not needed
                }
            }
        }
        if (status >= 300 && status < 400) {
            throw new BusinessException(WebhookError.WEBHOOK_REDIRECT_REFUSED,
                    "HTTP " + status + " to " + (location == null ? "nowhere" : abbreviated(location))
                            + "; redirects are not followed");
        }
        if (status < 200 || status >= 300) {
            throw new BusinessException(WebhookError.WEBHOOK_HTTP_STATUS, "HTTP " + status);
        }
        byte[] body = chunked ? in.chunked(maxReplyBytes) : in.body(contentLength, maxReplyBytes);
        return new Answer(status, body);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BusinessException(WebhookError.WEBHOOK_HTTP_STATUS, "Content-Length is not a number");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** In the operator's words: no class names, which also keep the API's answers free of server internals. */
    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "the connection was refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "there is no route to the server";
        }
        if (e instanceof SSLException) {
            return "the TLS handshake failed: check the server's certificate";
        }
        if (e.getClass() == IOException.class && e.getMessage() != null) {
            return e.getMessage(); // one of ours, about the answer's shape
        }
        return "the connection failed";
    }

    static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("out of time");
        }
        return (int) Math.min(remaining, Integer.MAX_VALUE);
    }

    /** Reads from a socket, each read bounded by what is left of the exchange's time. */
    private static final class DeadlineInput {

        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read();
        }

        int read(byte[] buffer, int length) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read(buffer, 0, length);
        }

        String head() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = read();
                if (b < 0) {
                    throw new IOException("the connection closed before the answer's headers ended");
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                if (head.size() > MAX_HEADER_BYTES) {
                    throw new BusinessException(WebhookError.WEBHOOK_PAYLOAD_TOO_LARGE,
                            "the answer's headers are longer than " + MAX_HEADER_BYTES + " bytes");
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        /** {@code length} -1: until the server closes the connection. */
        byte[] body(long length, int max) throws IOException {
            if (length > max) {
                throw tooLarge(max, "Content-Length " + length);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (length < 0 || body.size() < length) {
                int wanted = length < 0 ? buffer.length : (int) Math.min(buffer.length, length - body.size());
                int n = read(buffer, wanted);
                if (n < 0) {
                    if (length >= 0) {
                        throw new IOException("the connection closed after " + body.size() + " of " + length
                                + " bytes");
                    }
                    break;
                }
                body.write(buffer, 0, n);
                if (body.size() > max) {
                    throw tooLarge(max, "more");
                }
            }
            return body.toByteArray();
        }

        byte[] chunked(int max) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line();
                int semicolon = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("a malformed chunk size");
                }
                if (size == 0) {
                    return all.toByteArray();
                }
                if (all.size() + size > max) {
                    throw tooLarge(max, "more");
                }
                all.write(body(size, max));
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = read()) != '\n') {
                if (b < 0) {
                    throw new IOException("the connection closed inside a chunk");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
                if (line.length() > 1024) {
                    throw new IOException("a chunk line is too long");
                }
            }
            return line.toString();
        }

        private static BusinessException tooLarge(int max, String what) {
            return new BusinessException(WebhookError.WEBHOOK_PAYLOAD_TOO_LARGE,
                    "the answer has " + what + " bytes, more than " + max);
        }
    }
}
