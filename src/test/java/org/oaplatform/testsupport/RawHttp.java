package org.oaplatform.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests that {@link Api}'s client refuses to send or would tidy up: paths with
 * {@code ..} segments, a body on a GET, any method name.
 */
public final class RawHttp {

    public record Answer(int status, String head, String body) {

        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).strip()).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method target HTTP/1.1} with {@code headers} (each line without its CRLF) and {@code body} (none
     * when null) and reads the answer until the server closes the connection.
     */
    public static Answer send(URL base, String method, String target, String body, String... headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append("\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            int end = indexOf(answer, 0, "\r\n\r\n");
            String head = new String(answer, 0, end < 0 ? answer.length : end, StandardCharsets.ISO_8859_1);
            int bodyStart = end < 0 ? answer.length : end + 4;
            boolean chunked = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
            byte[] received = chunked ? unchunk(answer, bodyStart)
                    : Arrays.copyOfRange(answer, bodyStart, answer.length);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head,
                    new String(received, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] unchunk(byte[] message, int from) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = from;
        while (at < message.length) {
            int lineEnd = indexOf(message, at, "\r\n");
            int size = Integer.parseInt(new String(message, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(message, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from, String ascii) {
        byte[] wanted = ascii.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
