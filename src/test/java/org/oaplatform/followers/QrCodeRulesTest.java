package org.oaplatform.followers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.oaplatform.followers.control.FollowerError;
import org.oaplatform.followers.control.QrCodeRules;
import org.oaplatform.followers.control.QrImages;
import org.oaplatform.followers.entity.QrAction;
import org.oaplatform.followers.entity.QrCode;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

class QrCodeRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-11T08:00:00.123456Z");

    @Test
    void temporaryCodesLiveSixtySecondsByDefaultAndAtMostThirtyDays() {
        assertEquals(60, parse(body("QR_SCENE", null).add("action_info", scene("scene_id", 7))).expireSeconds());
        assertEquals(60, parse(body("QR_SCENE", JsonValue.NULL).add("action_info", scene("scene_id", 7))).expireSeconds());
        assertEquals(1, parse(body("QR_STR_SCENE", Json.createValue(1)).add("action_info", scene("scene_str", "a")))
                .expireSeconds());
        assertEquals(604_800, parse(body("QR_SCENE", Json.createValue(604_800)).add("action_info", scene("scene_id", 7)))
                .expireSeconds());
        assertEquals(2_592_000, parse(body("QR_SCENE", Json.createValue(2_592_000L)).add("action_info", scene("scene_id", 7)))
                .expireSeconds());
        assertEquals(2_592_000, parse(body("QR_SCENE", Json.createValue(2_592_001L)).add("action_info", scene("scene_id", 7)))
                .expireSeconds(), "larger values are cut, as WeChat does");
        assertEquals(600, QrCodeRules.expireSeconds(Json.createValue("600")), "numbers sent as strings are accepted");
        assertEquals(2_592_000, QrCodeRules.expireSeconds(Json.createValue(new java.math.BigDecimal("1e30"))));
    }

    @Test
    void anAbsurdExponentIsCutWithoutExpandingIt() {
        JsonValue huge = Json.createValue(new java.math.BigDecimal("1e999999999"));
        assertEquals(2_592_000, assertTimeoutPreemptively(Duration.ofSeconds(2), () -> QrCodeRules.expireSeconds(huge)));
        assertInvalid(() -> QrCodeRules.sceneId(QrAction.QR_SCENE, huge));
    }

    @Test
    void expiryMustBeAPositiveWholeNumber() {
        for (JsonValue bad : new JsonValue[] {Json.createValue(0), Json.createValue(-5), Json.createValue(1.5),
                Json.createValue("abc"), Json.createValue("1.5"), JsonValue.TRUE, JsonValue.EMPTY_JSON_OBJECT}) {
            assertInvalid(() -> QrCodeRules.expireSeconds(bad));
        }
    }

    @Test
    void permanentCodesIgnoreExpiry() {
        QrCodeRules.Request request = parse(body("QR_LIMIT_SCENE", Json.createValue(-1))
                .add("action_info", scene("scene_id", 100_000)));
        assertNull(request.expireSeconds());
        assertNull(request.expiresAt(T0));
        assertEquals(100_000L, request.sceneId());
        assertNull(request.sceneStr());
    }

    @Test
    void temporarySceneIdsAreNonZero32BitIntegers() {
        assertEquals(Integer.MAX_VALUE, QrCodeRules.sceneId(QrAction.QR_SCENE, Json.createValue(Integer.MAX_VALUE)));
        assertEquals(Integer.MIN_VALUE, QrCodeRules.sceneId(QrAction.QR_SCENE, Json.createValue(Integer.MIN_VALUE)));
        assertEquals(123, QrCodeRules.sceneId(QrAction.QR_SCENE, Json.createValue("123")));
        assertEquals(5, QrCodeRules.sceneId(QrAction.QR_SCENE, Json.createValue(5.0)));
        for (JsonValue bad : new JsonValue[] {null, JsonValue.NULL, Json.createValue(0), Json.createValue(2_147_483_648L),
                Json.createValue(-2_147_483_649L), Json.createValue(1.5), Json.createValue("x1"), JsonValue.FALSE}) {
            assertInvalid(() -> QrCodeRules.sceneId(QrAction.QR_SCENE, bad));
        }
    }

    @Test
    void permanentSceneIdsRunFromOneToOneHundredThousand() {
        assertEquals(1, QrCodeRules.sceneId(QrAction.QR_LIMIT_SCENE, Json.createValue(1)));
        assertEquals(100_000, QrCodeRules.sceneId(QrAction.QR_LIMIT_SCENE, Json.createValue(100_000)));
        assertInvalid(() -> QrCodeRules.sceneId(QrAction.QR_LIMIT_SCENE, Json.createValue(0)));
        assertInvalid(() -> QrCodeRules.sceneId(QrAction.QR_LIMIT_SCENE, Json.createValue(-1)));
        assertInvalid(() -> QrCodeRules.sceneId(QrAction.QR_LIMIT_SCENE, Json.createValue(100_001)));
    }

    @Test
    void sceneStringsHaveOneToSixtyFourCharacters() {
        String sixtyFourHan = "码".repeat(64);
        assertEquals(sixtyFourHan, QrCodeRules.sceneStr(Json.createValue(sixtyFourHan)));
        String sixtyFourEmoji = "\uD83D\uDE00".repeat(64);
        assertEquals(sixtyFourEmoji, QrCodeRules.sceneStr(Json.createValue(sixtyFourEmoji)), "characters, not UTF-16 units");
        assertEquals("a", QrCodeRules.sceneStr(Json.createValue("a")));
        for (JsonValue bad : new JsonValue[] {null, JsonValue.NULL, Json.createValue(""), Json.createValue("   "),
                Json.createValue("x".repeat(65)), Json.createValue(123), JsonValue.EMPTY_JSON_ARRAY}) {
            assertInvalid(() -> QrCodeRules.sceneStr(bad));
        }
    }

    @Test
    void eachKindTakesItsOwnSceneField() {
        QrCodeRules.Request str = parse(body("QR_LIMIT_STR_SCENE", null).add("action_info", scene("scene_str", "shop-1")));
        assertEquals(QrAction.QR_LIMIT_STR_SCENE, str.action());
        assertEquals("shop-1", str.sceneStr());
        assertNull(str.sceneId());
        assertInvalid(() -> parse(body("QR_SCENE", null).add("action_info", scene("scene_str", "a"))));
        assertInvalid(() -> parse(body("QR_STR_SCENE", null).add("action_info", scene("scene_id", 1))));
        assertInvalid(() -> parse(body("QR_LIMIT_SCENE", null).add("action_info", scene("scene_str", "1"))));
    }

    @Test
    void refusesUnknownActionsAndMissingScenes() {
        assertInvalid(() -> parse(Json.createObjectBuilder().add("action_info", scene("scene_id", 1))));
        assertInvalid(() -> parse(body("qr_scene", null).add("action_info", scene("scene_id", 1))));
        assertInvalid(() -> parse(body("QR_CARD", null).add("action_info", scene("scene_id", 1))));
        assertInvalid(() -> parse(Json.createObjectBuilder().add("action_name", 1).add("action_info", scene("scene_id", 1))));
        assertInvalid(() -> parse(body("QR_SCENE", null)));
        assertInvalid(() -> parse(body("QR_SCENE", null).add("action_info", "scene")));
        assertInvalid(() -> parse(body("QR_SCENE", null).add("action_info", Json.createObjectBuilder().add("scene", 1))));
        assertInvalid(() -> parse(body("QR_SCENE", null).add("action_info", Json.createObjectBuilder())));
    }

    @Test
    void aFormRequestFollowsTheSameRulesAsTheApi() {
        assertEquals(new QrCodeRules.Request(QrAction.QR_LIMIT_STR_SCENE, null, "door-1", null),
                QrCodeRules.of(true, null, "door-1", 600L), "a permanent code has no lifetime");
        assertEquals(new QrCodeRules.Request(QrAction.QR_LIMIT_SCENE, 7L, null, null), QrCodeRules.of(true, 7L, null, null));
        assertEquals(new QrCodeRules.Request(QrAction.QR_STR_SCENE, null, "promo", 60L),
                QrCodeRules.of(false, null, "promo", null), "the default lifetime");
        assertEquals(new QrCodeRules.Request(QrAction.QR_SCENE, -5L, null, 2_592_000L),
                QrCodeRules.of(false, -5L, null, 9_999_999L), "cut to 30 days");
        assertInvalid(() -> QrCodeRules.of(false, null, null, null));
        assertInvalid(() -> QrCodeRules.of(true, 1L, "one", null));
        assertInvalid(() -> QrCodeRules.of(true, 100_001L, null, null));
        assertInvalid(() -> QrCodeRules.of(false, 0L, null, null));
        assertInvalid(() -> QrCodeRules.of(true, null, "   ", null));
        assertInvalid(() -> QrCodeRules.of(true, null, "x".repeat(65), null));
        assertInvalid(() -> QrCodeRules.of(false, 1L, null, 0L));
    }

    @Test
    void anAccountHasAtMostOneHundredThousandPermanentCodes() {
        assertDoesNotThrow(() -> QrCodeRules.checkRoomForPermanent(99_999));
        BusinessException full = assertThrows(BusinessException.class,
                () -> QrCodeRules.checkRoomForPermanent(100_000));
        assertEquals(FollowerError.QR_CODE_LIMIT_REACHED, full.code());
    }

    @Test
    void aTemporaryCodeExpiresAtItsExpiryInstantAndAPermanentOneNever() {
        QrCodeRules.Request request = parse(body("QR_SCENE", Json.createValue(60)).add("action_info", scene("scene_id", 9)));
        Instant expiry = request.expiresAt(T0);
        assertEquals(T0.plusSeconds(60), expiry);
        QrCode temporary = QrCode.temporary(1, "gQticket", QrAction.QR_SCENE, 9L, null, T0, expiry);
        assertFalse(temporary.isExpiredAt(T0));
        assertFalse(temporary.isExpiredAt(expiry.minusNanos(1000)));
        assertTrue(temporary.isExpiredAt(expiry));
        assertTrue(temporary.isExpiredAt(expiry.plus(Duration.ofDays(1))));

        QrCode permanent = QrCode.permanent(1, "gQother", QrAction.QR_LIMIT_STR_SCENE, null, "door", T0);
        assertFalse(permanent.isExpiredAt(T0.plus(Duration.ofDays(36_500))));
        assertNull(permanent.expiresAt());
    }

    @Test
    void codesKeepTheirKindsApart() {
        assertThrows(IllegalArgumentException.class,
                () -> QrCode.temporary(1, "t", QrAction.QR_LIMIT_SCENE, 1L, null, T0, T0.plusSeconds(60)));
        assertThrows(IllegalArgumentException.class,
                () -> QrCode.temporary(1, "t", QrAction.QR_SCENE, 1L, null, T0, T0));
        assertThrows(IllegalArgumentException.class, () -> QrCode.permanent(1, "t", QrAction.QR_SCENE, 1L, null, T0));
        assertThrows(IllegalArgumentException.class,
                () -> QrCode.permanent(1, "t", QrAction.QR_LIMIT_SCENE, null, "1", T0));
        assertNotEquals(QrCode.permanentSceneKey(5L, null), QrCode.permanentSceneKey(null, "5"),
                "scene_id 5 and scene_str \"5\" are two permanent codes");
        assertEquals("5", QrCode.permanent(1, "t", QrAction.QR_LIMIT_SCENE, 5L, null, T0).sceneValue());
        assertEquals("door", QrCode.permanent(1, "t", QrAction.QR_LIMIT_STR_SCENE, null, "door", T0).sceneValue());
    }

    @Test
    void aScannedTextNamesATicketByUrlOrBare() {
        String ticket = "gQ" + "Ab9_-".repeat(6) + "xy";
        assertEquals(Optional.of(ticket), QrCodeRules.ticketIn("http://localhost:8080/q/" + ticket));
        assertEquals(Optional.of(ticket), QrCodeRules.ticketIn(" https://oa.example.com/q/" + ticket + "/ \n"));
        assertEquals(Optional.of(ticket), QrCodeRules.ticketIn("https://oa.example.com/base/q/" + ticket + "?from=poster#x"));
        assertEquals(Optional.of(ticket), QrCodeRules.ticketIn(ticket));
        assertEquals(Optional.empty(), QrCodeRules.ticketIn(null));
        assertEquals(Optional.empty(), QrCodeRules.ticketIn(""));
        assertEquals(Optional.empty(), QrCodeRules.ticketIn("https://oa.example.com/p/" + ticket));
        assertEquals(Optional.empty(), QrCodeRules.ticketIn("https://oa.example.com/q/"));
        assertEquals(Optional.empty(), QrCodeRules.ticketIn("not a url at all"));
        assertEquals(Optional.empty(), QrCodeRules.ticketIn("WIFI:S:home;T:WPA;P:secret;;"));
    }

    @Test
    void thePictureIsAPngThatReadsBackAsTheUrl() throws Exception {
        String url = "http://localhost:8080/q/gQ" + "A".repeat(32);
        byte[] png = QrImages.png(url);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, Arrays.copyOf(png, 8));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(QrImages.SIZE, image.getWidth());
        assertEquals(QrImages.SIZE, image.getHeight());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertEquals(url, decoded);
    }

    private static QrCodeRules.Request parse(JsonObjectBuilder body) {
        return QrCodeRules.parse(body.build());
    }

    private static JsonObjectBuilder body(String actionName, JsonValue expireSeconds) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("action_name", actionName);
        if (expireSeconds != null) {
            body.add("expire_seconds", expireSeconds);
        }
        return body;
    }

    private static JsonObject scene(String field, Object value) {
        JsonObjectBuilder scene = Json.createObjectBuilder();
        if (value instanceof Integer i) {
            scene.add(field, i);
        } else {
            scene.add(field, (String) value);
        }
        return Json.createObjectBuilder().add("scene", scene).build();
    }

    private static void assertInvalid(Executable executable) {
        BusinessException refused = assertThrows(BusinessException.class, executable);
        assertEquals(PlatformError.VALIDATION_FAILED, refused.code(), refused.getMessage());
        assertEquals(40097, refused.code().errcode());
    }
}
