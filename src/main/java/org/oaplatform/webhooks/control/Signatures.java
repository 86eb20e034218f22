package org.oaplatform.webhooks.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's push signatures (spec §2.1, §2.5): SHA-1 over the parts sorted as plain strings and joined without a
 * separator, as lowercase hex. The URL signature signs token, timestamp and nonce; the safe-mode
 * {@code msg_signature} adds the encrypted text. Comparison is constant-time so that a developer server (or anyone
 * posing as one) cannot learn a signature byte by byte from our timing.
 */
public final class Signatures {

    private Signatures() {
    }

    public static String urlSignature(String token, String timestamp, String nonce) {
        return sha1OfSorted(token, timestamp, nonce);
    }

    public static String messageSignature(String token, String timestamp, String nonce, String encrypted) {
        return sha1OfSorted(token, timestamp, nonce, encrypted);
    }

    /** Whether a received signature equals the expected one, in time that does not depend on where they differ. */
    public static boolean matches(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha1OfSorted(String... parts) {
        for (String part : parts) {
            if (part == null) {
                throw new IllegalArgumentException("a signed part is missing");
            }
        }
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
