package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Unguessable public identifiers and secrets. Database ids never leave the server; everything a client sees
 * comes from here.
 * <p>
 * Each kind of public id has its pattern here, next to what makes it. A lookup by a public id checks the pattern
 * first and treats a malformed id as an unknown one, before any query: the columns are ASCII, and non-ASCII text
 * compared with them fails in the database ("Illegal mix of collations") instead of finding nothing.
 */
@ApplicationScoped
public class Ids {

    /** Business records' public ids: their kind's prefix (a constant on the entity) and 16 lowercase hex digits. */
    private static final Pattern PUBLIC_ID = Pattern.compile("[a-z]{2,4}_[0-9a-f]{16}");

    /** {@link #appId()}. */
    public static final Pattern APPID = Pattern.compile("wx[0-9a-f]{16}");

    /** {@link #openid()}, also the shape of a unionid. */
    public static final Pattern OPENID = Pattern.compile("o[A-Za-z0-9_-]{27}");

    /** {@link #templateId()}. */
    public static final Pattern TEMPLATE_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /** WeChat appid: {@code wx} followed by 16 lowercase hex digits. */
    public String appId() {
        return "wx" + hex(8);
    }

    /** Whether {@code id} has the shape {@code pattern} describes; false for null. */
    public static boolean matches(Pattern pattern, String id) {
        return id != null && pattern.matcher(id).matches();
    }

    /** WeChat AppSecret: 32 lowercase hex digits. */
    public String appSecret() {
        return hex(16);
    }

    /** An account's original id as WeChat shows it in pushes: {@code gh_} followed by 12 hex digits. */
    public String originalId() {
        return "gh_" + hex(6);
    }

    /**
     * A follower's openid (or a person's unionid): 28 URL-safe characters starting with {@code o} like WeChat's, with
     * 162 random bits behind the prefix.
     */
    public String openid() {
        return "o" + token(21).substring(0, 27);
    }

    /** A template message's {@code template_id}: 43 URL-safe characters (256 random bits) like WeChat's. */
    public String templateId() {
        return token(32);
    }

    /** A public id of an entity: its kind's prefix and 16 hex digits (64 random bits). */
    public String publicId(String prefix) {
        return prefix + hex(8);
    }

    /** Whether {@code id} is a well-formed {@link #publicId} of the kind that {@code prefix} names; false for null. */
    public static boolean isPublicId(String prefix, String id) {
        return id != null && id.startsWith(prefix) && PUBLIC_ID.matcher(id).matches();
    }

    /** Whether {@code id} is a well-formed {@link #publicId} of any kind. */
    public static boolean isPublicId(String id) {
        return id != null && PUBLIC_ID.matcher(id).matches();
    }

    /** A bearer token of {@code bytes} random bytes, URL-safe so that SDKs which do not encode queries keep it intact. */
    public String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return URL_SAFE.encodeToString(b);
    }

    /** A code of {@code digits} decimal digits, leading zeros kept. */
    public String digits(int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    public String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HEX.formatHex(b);
    }
}
