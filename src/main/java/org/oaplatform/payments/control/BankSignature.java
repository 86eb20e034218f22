package org.oaplatform.payments.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over what a message means, with the merchant's signing key (docs/bank-gateway.md, "Signature"). A
 * request and the answer to it sign different texts (the first line names the direction), so that a provider's
 * answer can never be one of our own requests sent back, and both name the method and path, so that the answer to a
 * status query cannot stand in for the answer to a charge.
 */
public final class BankSignature {

    /** Shorter shared secrets are guessable offline from one signed message. */
    public static final int MINIMUM_KEY_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param signingKey the shared secret as the provider issued it; its UTF-8 bytes are the HMAC key */
    public BankSignature(String signingKey) {
        if (signingKey == null || signingKey.length() < MINIMUM_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "the bank signing key must have at least " + MINIMUM_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String ofRequest(String method, String path, String timestamp, String body) {
        return hmacHex(text("request", method, path, timestamp, body));
    }

    public String ofResponse(String method, String path, String timestamp, String body) {
        return hmacHex(text("response", method, path, timestamp, body));
    }

    /** Whether {@code claimed} (hex, any case) signs this answer; compared in constant time. */
    public boolean signsResponse(String claimed, String method, String path, String timestamp, String body) {
        return matches(claimed, ofResponse(method, path, timestamp, body));
    }

    /** Whether {@code claimed} signs this request: what a provider (or a test's stub of one) checks. */
    public boolean signsRequest(String claimed, String method, String path, String timestamp, String body) {
        return matches(claimed, ofRequest(method, path, timestamp, body));
    }

    private static boolean matches(String claimed, String expected) {
        return claimed != null && MessageDigest.isEqual(
                claimed.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(String direction, String method, String path, String timestamp, String body) {
        return direction + "\n" + method + "\n" + path + "\n" + timestamp + "\n" + body;
    }

    private String hmacHex(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
