package org.oaplatform.merchants.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay's v2 signature (spec §2.6): every parameter with a non-empty value except {@code sign}, sorted by name in
 * ASCII order, joined as {@code k=v&...}, then {@code &key=<API key>}; MD5 or HMAC-SHA256 (keyed with the API key) in
 * upper-case hex. Unknown fields are signed like known ones, so that a verifier never depends on knowing them all.
 */
public final class PaySignature {

    public static final String FIELD = "sign";

    /** The two v2 algorithms, by the value of {@code sign_type}. */
    public enum SignType {
        MD5("MD5"), HMAC_SHA256("HMAC-SHA256");

        private final String wire;

        SignType(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** MD5 when absent, as WeChat defaults; empty for a value that names no algorithm. */
        public static Optional<SignType> ofWire(String value) {
            if (value == null || value.isEmpty()) {
                return Optional.of(MD5);
            }
            for (SignType type : values()) {
                if (type.wire.equals(value)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    private PaySignature() {
    }

    /** The string that is hashed, {@code key} included. */
    static String canonical(Map<String, String> fields, String key) {
        StringBuilder s = new StringBuilder();
        // String order is UTF-16 code-unit order, which is ASCII order for the ASCII names WeChat uses.
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!FIELD.equals(name) && value != null && !value.isEmpty()) {
                s.append(name).append('=').append(value).append('&');
            }
        });
        return s.append("key=").append(key).toString();
    }

    public static String sign(Map<String, String> fields, SignType type, String key) {
        byte[] text = canonical(fields, key).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest;
            if (type == SignType.HMAC_SHA256) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                digest = mac.doFinal(text);
            } else {
                digest = MessageDigest.getInstance("MD5").digest(text);
            }
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 and HmacSHA256 are part of every Java platform", e);
        }
    }

    /** Whether the fields carry the signature {@code key} gives them; compared in constant time, case aside. */
    public static boolean verify(Map<String, String> fields, SignType type, String key) {
        String given = fields.get(FIELD);
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = sign(fields, type, key).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
