package org.oaplatform.webhooks.control;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP requests of the push channel (spec §2.1, §2.5), minus the HTTP: the GET handshake that proves a server
 * knows the token, and the POST of a push with {@code signature}, {@code timestamp}, {@code nonce} and {@code openid}
 * in the query (plus {@code encrypt_type=aes} and {@code msg_signature} in the encrypted modes). Parameters are
 * appended to whatever query the operator's URL already has, as WeChat does.
 */
public final class PushRequests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PushRequests() {
    }

    /** A push ready to POST: where, and the XML body. */
    public record PushRequest(URI uri, String body) {
    }

    public static URI verification(URI serverUrl, String token, String timestamp, String nonce, String echostr) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("signature", Signatures.urlSignature(token, timestamp, nonce));
        query.put("echostr", echostr);
        query.put("timestamp", timestamp);
        query.put("nonce", nonce);
        return withQuery(serverUrl, query);
    }

    /**
     * Whether a server answered the handshake by echoing {@code echostr}. Surrounding whitespace is forgiven (web
     * frameworks like to add a newline); anything else, such as an HTML page that merely contains it, is not.
     */
    public static boolean echoed(byte[] answer, String echostr) {
        return answer.length <= 1024 && new String(answer, StandardCharsets.UTF_8).strip().equals(echostr);
    }

    /** {@code safeMode} is needed unless {@code mode} is {@link PushMode#PLAIN}. */
    public static PushRequest push(URI serverUrl, String token, PushMode mode, SafeMode safeMode,
            String accountOriginalId, String openid, String plainXml, String timestamp, String nonce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("signature", Signatures.urlSignature(token, timestamp, nonce));
        query.put("timestamp", timestamp);
        query.put("nonce", nonce);
        query.put("openid", openid);
        String body = plainXml;
        if (mode.encrypts()) {
            SafeMode.SealedPush sealed = safeMode.seal(plainXml, accountOriginalId, mode, timestamp, nonce);
            query.put("encrypt_type", "aes");
            query.put("msg_signature", sealed.msgSignature());
            body = sealed.body();
        }
        return new PushRequest(withQuery(serverUrl, query), body);
    }

    /** A nonce as WeChat sends them: a positive decimal number of up to ten digits. */
    public static String newNonce() {
        return Integer.toString(1 + RANDOM.nextInt(Integer.MAX_VALUE - 1));
    }

    /** An echostr as WeChat sends them: a long decimal number, so no server mangles it. */
    public static String newEchostr() {
        return Long.toString(1_000_000_000_000_000_000L + RANDOM.nextLong(8_000_000_000_000_000_000L));
    }

    private static URI withQuery(URI serverUrl, Map<String, String> parameters) {
        String added = parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String url = serverUrl.toString();
        int fragment = url.indexOf('#');
        if (fragment >= 0) {
            url = url.substring(0, fragment);
        }
        String separator = serverUrl.getRawQuery() == null ? "?" : url.endsWith("&") || url.endsWith("?") ? "" : "&";
        return URI.create(url + separator + added);
    }
}
