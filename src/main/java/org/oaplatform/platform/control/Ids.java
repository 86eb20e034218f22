package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Arrays;
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

    /** Business records' public ids: a prefix naming the kind and 16 lowercase hex digits (64 random bits). */
    public enum Kind {
        TRANSFER("trf_"), RED_PACKET("rpk_"), TOP_UP("top_"), WITHDRAWAL("wdr_"), CARD("card_"), POSTING("pst_"),
        VERIFICATION_APPLICATION("va_");

        private final String prefix;
        private final Pattern pattern;

        Kind(String prefix) {
            this.prefix = prefix;
            this.pattern = Pattern.compile(Pattern.quote(prefix) + "[0-9a-f]{16}");
        }

        public boolean matches(String id) {
            return id != null && pattern.matcher(id).matches();
        }

        /** Whether {@code id} is a well-formed id of any kind. */
        public static boolean any(String id) {
            return Arrays.stream(values()).anyMatch(kind -> kind.matches(id));
        }
    }

    /** {@link #appId()}. */
    public static final Pattern APPID = Pattern.compile("wx[0-9a-f]{16}");

    /** {@link #openid()}, also the shape of a unionid. */
    public static final Pattern OPENID = Pattern.compile("o[A-Za-z0-9_-]{27}");

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /** WeChat appid: {@code wx} followed by 16 lowercase hex digits. */
    public String appId() {
        return "wx" + hex(8);
    }

    /** A new public id of a business record of this kind. */
    public String next(Kind kind) {
        return kind.prefix + hex(8);
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
