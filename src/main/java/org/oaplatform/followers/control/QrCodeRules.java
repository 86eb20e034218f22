package org.oaplatform.followers.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oaplatform.followers.entity.QrAction;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * What {@code qrcode/create} accepts (spec §8.1) and how a scanned text names a code. Lenient where WeChat is (a
 * number sent as a string, an expiry above the maximum is cut to it), strict about the rest: a request that is not
 * clearly one of the four kinds is refused with 40097 rather than guessed at.
 */
public final class QrCodeRules {

    /** Used when a temporary code's {@code expire_seconds} is omitted (current docs; WxJava sends 30 itself). */
    public static final long DEFAULT_EXPIRE_SECONDS = 60;
    /** 30 days; larger requests are cut to it, as WeChat does. */
    public static final long MAX_EXPIRE_SECONDS = 2_592_000;
    public static final long MAX_PERMANENT_SCENE_ID = 100_000;
    public static final int MAX_SCENE_STR_LENGTH = 64;
    public static final long MAX_PERMANENT_CODES = 100_000;
    /** The path prefix of a code's URL, {@code <public url>/q/<ticket>}. */
    public static final String URL_PATH = "/q/";

    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TICKET_IN_PATH = Pattern.compile(".*" + URL_PATH + "(" + TICKET.pattern() + ")/?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,40}");

    /**
     * A checked {@code qrcode/create} request: exactly one of {@code sceneId} and {@code sceneStr}, and
     * {@code expireSeconds} for temporary codes only.
     */
    public record Request(QrAction action, Long sceneId, String sceneStr, Long expireSeconds) {

        /** When a code created {@code now} stops working; {@code null} for a permanent code. */
        public Instant expiresAt(Instant now) {
            return action.permanent() ? null : now.plusSeconds(expireSeconds);
        }
    }

    private QrCodeRules() {
    }

    /** Reads and checks a {@code qrcode/create} body. */
    public static Request parse(JsonObject body) {
        QrAction action = action(body.get("action_name"));
        JsonObject scene = scene(body.get("action_info"));
        Long expireSeconds = action.permanent() ? null : expireSeconds(body.get("expire_seconds"));
        if (action.stringScene()) {
            return new Request(action, null, sceneStr(scene.get("scene_str")), expireSeconds);
        }
        return new Request(action, sceneId(action, scene.get("scene_id")), null, expireSeconds);
    }

    /**
     * The same checks for a request that comes from a form (the portal) rather than a JSON body: permanent or
     * temporary, exactly one of {@code sceneId} and {@code sceneStr} (a blank string counts as given, and is refused
     * as {@code qrcode/create} refuses it), and for a temporary code its lifetime in seconds ({@code null}: the
     * default; above the maximum: cut to it).
     */
    public static Request of(boolean permanent, Long sceneId, String sceneStr, Long expireSeconds) {
        boolean stringScene = sceneStr != null && !sceneStr.isEmpty();
        if (stringScene == (sceneId != null)) {
            throw invalid("give either a scene id or a scene string");
        }
        QrAction action = permanent ? (stringScene ? QrAction.QR_LIMIT_STR_SCENE : QrAction.QR_LIMIT_SCENE)
                : (stringScene ? QrAction.QR_STR_SCENE : QrAction.QR_SCENE);
        Long lifetime = permanent ? null
                : expireSeconds(expireSeconds == null ? null : JSON.createValue(expireSeconds.longValue()));
        if (stringScene) {
            return new Request(action, null, sceneStr(JSON.createValue(sceneStr)), lifetime);
        }
        return new Request(action, sceneId(action, JSON.createValue(sceneId.longValue())), null, lifetime);
    }

    private static QrAction action(JsonValue value) {
        if (value instanceof JsonString name) {
            for (QrAction action : QrAction.values()) {
                if (action.name().equals(name.getString())) {
                    return action;
                }
            }
        }
        throw invalid("action_name is QR_SCENE, QR_STR_SCENE, QR_LIMIT_SCENE or QR_LIMIT_STR_SCENE");
    }

    private static JsonObject scene(JsonValue actionInfo) {
        if (actionInfo instanceof JsonObject info && info.get("scene") instanceof JsonObject scene) {
            return scene;
        }
        throw invalid("action_info.scene is required");
    }

    /** Seconds a temporary code lives: the default when omitted, cut to the maximum when above it. */
    public static long expireSeconds(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return DEFAULT_EXPIRE_SECONDS;
        }
        BigInteger seconds = integer(value)
                .orElseThrow(() -> invalid("expire_seconds is a whole number of seconds"));
        if (seconds.signum() <= 0) {
            throw invalid("expire_seconds is at least 1");
        }
        return seconds.min(BigInteger.valueOf(MAX_EXPIRE_SECONDS)).longValueExact();
    }

    /**
     * A temporary code's {@code scene_id} is any non-zero 32-bit integer; a permanent code's is 1 to
     * {@link #MAX_PERMANENT_SCENE_ID}.
     */
    public static long sceneId(QrAction action, JsonValue value) {
        boolean permanent = action.permanent();
        String rule = permanent ? "scene_id of " + action + " is an integer from 1 to " + MAX_PERMANENT_SCENE_ID
                : "scene_id of " + action + " is a non-zero 32-bit integer";
        BigInteger id = integer(value).orElseThrow(() -> invalid(rule));
        BigInteger min = BigInteger.valueOf(permanent ? 1 : Integer.MIN_VALUE);
        BigInteger max = BigInteger.valueOf(permanent ? MAX_PERMANENT_SCENE_ID : Integer.MAX_VALUE);
        if (id.signum() == 0 || id.compareTo(min) < 0 || id.compareTo(max) > 0) {
            throw invalid(rule);
        }
        return id.longValueExact();
    }

    /** A {@code scene_str} is a string of 1 to {@link #MAX_SCENE_STR_LENGTH} characters, not only blanks. */
    public static String sceneStr(JsonValue value) {
        if (value instanceof JsonString string) {
            String scene = string.getString();
            int length = scene.codePointCount(0, scene.length());
            if (!scene.isBlank() && length <= MAX_SCENE_STR_LENGTH) {
                return scene;
            }
        }
        throw invalid("scene_str is a string of 1 to " + MAX_SCENE_STR_LENGTH + " characters");
    }

    /** Refuses a new permanent code when the account already has {@link #MAX_PERMANENT_CODES}. */
    public static void checkRoomForPermanent(long existingPermanentCodes) {
        if (existingPermanentCodes >= MAX_PERMANENT_CODES) {
            throw new BusinessException(FollowerError.QR_CODE_LIMIT_REACHED,
                    "an account has at most " + MAX_PERMANENT_CODES + " permanent QR codes");
        }
    }

    /**
     * The ticket a scanned text names: a code's URL ({@code .../q/<ticket>}, whatever host it carries, since the
     * installation may be reached under several names) or a bare ticket. Empty for anything else.
     */
    public static Optional<String> ticketIn(String scanned) {
        if (scanned == null) {
            return Optional.empty();
        }
        String text = scanned.strip();
        if (TICKET.matcher(text).matches()) {
            return Optional.of(text);
        }
        try {
            String path = URI.create(text).getRawPath();
            Matcher matcher = path == null ? null : TICKET_IN_PATH.matcher(path);
            return matcher != null && matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    /**
     * An integral JSON number, or a string of digits (some SDKs quote numbers); nothing else. Numbers beyond 19
     * digits come back as ±10^20, which every rule here either cuts or refuses: {@code 1e999999999} must not be
     * expanded digit by digit.
     */
    private static Optional<BigInteger> integer(JsonValue value) {
        if (value instanceof JsonNumber number) {
            BigDecimal decimal = number.bigDecimalValue();
            if (decimal.signum() == 0) {
                return Optional.of(BigInteger.ZERO);
            }
            if (decimal.stripTrailingZeros().scale() > 0) {
                return Optional.empty();
            }
            if ((long) decimal.precision() - decimal.scale() > 19) {
                return Optional.of(BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(decimal.signum())));
            }
            return Optional.of(decimal.toBigIntegerExact());
        }
        if (value instanceof JsonString string && INTEGER.matcher(string.getString().strip()).matches()) {
            return Optional.of(new BigInteger(string.getString().strip()));
        }
        return Optional.empty();
    }

    private static BusinessException invalid(String message) {
        return new BusinessException(PlatformError.VALIDATION_FAILED, message);
    }
}
