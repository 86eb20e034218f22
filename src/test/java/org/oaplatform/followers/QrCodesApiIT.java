package org.oaplatform.followers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpQrcodeService;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.TestData;

/**
 * Parametric QR codes (spec §8.1, §8.2) raw and through WxJava, and what a person's scan does: follow with
 * {@code ADD_SCENE_QR_CODE} and the scene, or a {@code SCAN} when already following. Expiry is the unit test's
 * ({@code QrCodeRulesTest}); no test here waits for a code to run out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QrCodesApiIT {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final String TICKET = "[A-Za-z0-9_-]+";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void createsTheFourKindsAndServesTheirPictures() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = app.token();
        Api api = app.owner();

        JsonObject temporary = create(api, token, request("QR_SCENE", null).add("action_info", sceneId(123)));
        String ticket = temporary.getString("ticket");
        assertTrue(ticket.matches(TICKET), ticket);
        assertEquals(60, temporary.getInt("expire_seconds"), "the default lifetime: " + temporary);
        assertTrue(temporary.getString("url").endsWith("/q/" + ticket), temporary.toString());
        JsonObject again = create(api, token, request("QR_SCENE", null).add("action_info", sceneId(123)));
        assertNotEquals(ticket, again.getString("ticket"), "every temporary code is a new one");

        JsonObject capped = create(api, token, request("QR_STR_SCENE", 9_999_999).add("action_info", sceneStr("promo")));
        assertEquals(2_592_000, capped.getInt("expire_seconds"), "capped at 30 days: " + capped);

        JsonObject permanent = create(api, token, request("QR_LIMIT_SCENE", 600).add("action_info", sceneId(100_000)));
        assertFalse(permanent.containsKey("expire_seconds"), permanent.toString());
        assertEquals(permanent.getString("ticket"),
                create(api, token, request("QR_LIMIT_SCENE", null).add("action_info", sceneId(100_000))).getString("ticket"),
                "a permanent scene exists once");

        JsonObject door = create(api, token, request("QR_LIMIT_STR_SCENE", null).add("action_info", sceneStr("door-1")));
        assertFalse(door.containsKey("expire_seconds"), door.toString());
        assertEquals(door.getString("url"),
                create(api, token, request("QR_LIMIT_STR_SCENE", null).add("action_info", sceneStr("door-1"))).getString("url"));
        assertNotEquals(door.getString("ticket"), create(api, token, request("QR_LIMIT_STR_SCENE", null)
                .add("action_info", sceneStr("DOOR-1"))).getString("ticket"), "scene strings are case-sensitive");
        assertNotEquals(create(api, token, request("QR_LIMIT_SCENE", null).add("action_info", sceneId(5))).getString("ticket"),
                create(api, token, request("QR_LIMIT_STR_SCENE", null).add("action_info", sceneStr("5"))).getString("ticket"));

        App other = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        assertNotEquals(permanent.getString("ticket"), create(other.owner(), other.token(),
                request("QR_LIMIT_SCENE", null).add("action_info", sceneId(100_000))).getString("ticket"),
                "permanent scenes are per account");

        for (JsonObject code : new JsonObject[] {temporary, capped, permanent, door}) {
            Picture picture = download(api.base() + "cgi-bin/showqrcode?ticket=" + code.getString("ticket"));
            assertEquals(200, picture.status());
            assertTrue(picture.contentType().startsWith("image/png"), picture.contentType());
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(picture.bytes(), 8));
        }
    }

    @Test
    void wxJavaCreatesCodesAndDownloadsTheirPictures() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxMpQrcodeService qr = wxJava(app).getQrcodeService();

        WxMpQrCodeTicket temporary = qr.qrCodeCreateTmpTicket(42, null);
        assertEquals(30, temporary.getExpireSeconds(), "WxJava sends its own default of 30 s");
        assertTrue(temporary.getTicket().matches(TICKET));
        WxMpQrCodeTicket temporaryStr = qr.qrCodeCreateTmpTicket("campaign", 3600);
        assertEquals(3600, temporaryStr.getExpireSeconds());
        WxMpQrCodeTicket permanent = qr.qrCodeCreateLastTicket(7);
        assertEquals(-1, permanent.getExpireSeconds(), "no expire_seconds for permanent codes: WxJava reads -1");
        assertEquals(permanent.getTicket(), qr.qrCodeCreateLastTicket(7).getTicket());
        WxMpQrCodeTicket permanentStr = qr.qrCodeCreateLastTicket("desk");
        assertTrue(permanentStr.getUrl().endsWith("/q/" + permanentStr.getTicket()), permanentStr.getUrl());

        String host = host();
        for (WxMpQrCodeTicket ticket : new WxMpQrCodeTicket[] {temporary, temporaryStr, permanent, permanentStr}) {
            String pictureUrl = qr.qrCodePictureUrl(ticket.getTicket());
            assertTrue(pictureUrl.startsWith(host + "/cgi-bin/showqrcode?ticket="), pictureUrl);
            Picture picture = download(pictureUrl);
            assertEquals(200, picture.status());
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(picture.bytes(), 8), pictureUrl);

            File file = qr.qrCodePicture(ticket);
            try {
                assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(file.toPath()), 8));
            } finally {
                Files.deleteIfExists(file.toPath());
            }
        }

        WxMpQrCodeTicket unknown = new WxMpQrCodeTicket();
        unknown.setTicket("gQ" + "x".repeat(32));
        WxErrorException refused = assertThrows(WxErrorException.class, () -> qr.qrCodePicture(unknown));
        assertEquals(40097, refused.getError().getErrorCode(), refused.getMessage());
    }

    @Test
    void badRequestsGetErrcodesAndUnverifiedSubscriptionAccountsNoCodes() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = app.token();
        Api api = app.owner();
        String create = "cgi-bin/qrcode/create?access_token=" + token;

        assertErrcode(40097, api.post(create, request("QR_CARD", null).add("action_info", sceneId(1)).build()));
        assertErrcode(40097, api.post(create, Json.createObjectBuilder().add("action_info", sceneId(1)).build()));
        assertErrcode(40097, api.post(create, request("QR_SCENE", null).build()));
        assertErrcode(40097, api.post(create, request("QR_SCENE", null).add("action_info", sceneId(0)).build()));
        assertErrcode(40097, api.post(create, request("QR_SCENE", null).add("action_info",
                Json.createObjectBuilder().add("scene", Json.createObjectBuilder().add("scene_id", 4_294_967_296L))).build()));
        assertErrcode(40097, api.post(create, request("QR_SCENE", 0).add("action_info", sceneId(1)).build()));
        assertErrcode(40097, api.post(create, request("QR_LIMIT_SCENE", null).add("action_info", sceneId(100_001)).build()));
        assertErrcode(40097, api.post(create, request("QR_LIMIT_SCENE", null).add("action_info", sceneStr("1")).build()));
        assertErrcode(40097, api.post(create, request("QR_LIMIT_STR_SCENE", null).add("action_info", sceneStr("x".repeat(65))).build()));
        assertErrcode(40097, api.post(create, request("QR_STR_SCENE", null).add("action_info", sceneStr("")).build()));
        assertErrcode(40097, api.post(create, request("QR_SCENE", null).add("action_info",
                Json.createObjectBuilder().add("scene", Json.createObjectBuilder().add("scene_id", "abc"))).build()));
        assertErrcode(47001, api.post(create, "{oops", "application/json"));
        assertErrcode(41001, api.post("cgi-bin/qrcode/create", request("QR_SCENE", null).add("action_info", sceneId(1)).build()));
        // a number sent as a string is accepted, as some SDKs send them
        create(api, token, request("QR_SCENE", null).add("action_info",
                Json.createObjectBuilder().add("scene", Json.createObjectBuilder().add("scene_id", "123"))));

        Reply unknown = api.get("cgi-bin/showqrcode?ticket=gQnosuchticket");
        assertErrcode(40097, unknown);
        assertTrue(unknown.contentType().startsWith("text/plain"), "WxJava recognises errors only so: " + unknown.contentType());
        assertErrcode(40097, api.get("cgi-bin/showqrcode"));

        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject subscription = owner.post("api/v1/official-accounts", Json.createObjectBuilder()
                .add("name", TestData.accountName("Sub")).add("type", "SUBSCRIPTION").add("region", "CN")
                .add("entityType", "INDIVIDUAL").build()).json();
        String subToken = new App(owner, subscription.getString("appid"), subscription.getString("secret")).token();
        assertErrcode(48001, owner.post("cgi-bin/qrcode/create?access_token=" + subToken,
                request("QR_SCENE", null).add("action_info", sceneId(1)).build()));
    }

    @Test
    void scanningFollowsWithTheSceneAndScanningAgainIsAScan() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = app.token();
        Api api = app.owner();
        JsonObject door = create(api, token, request("QR_LIMIT_STR_SCENE", null).add("action_info", sceneStr("counter-3")));
        Api fan = TestData.person(new Api(base), TestData.cnPhone());

        Reply first = scan(fan, door.getString("url"));
        assertEquals(201, first.status(), first.text());
        assertEquals("SUBSCRIBE", first.json().getString("outcome"));
        assertEquals(app.appid(), first.json().getString("appid"));
        assertFalse(first.json().getString("name").isBlank());
        assertEquals("counter-3", first.json().getString("scene"));

        String openid = api.get("cgi-bin/user/get?access_token=" + token).json().getJsonObject("data")
                .getJsonArray("openid").getString(0);
        JsonObject info = api.get("cgi-bin/user/info?access_token=" + token + "&openid=" + openid).json();
        assertEquals(1, info.getInt("subscribe"), info.toString());
        assertEquals("ADD_SCENE_QR_CODE", info.getString("subscribe_scene"));
        assertEquals("counter-3", info.getString("qr_scene_str"));
        assertEquals(0, info.getInt("qr_scene"));

        Reply second = scan(fan, door.getString("url"));
        assertEquals(201, second.status(), second.text());
        assertEquals("SCAN", second.json().getString("outcome"));
        assertEquals(1, api.get("cgi-bin/user/get?access_token=" + token).json().getInt("total"));

        // a temporary integer scene, scanned as a bare ticket by somebody who once followed by search and left
        JsonObject poster = create(api, token, request("QR_SCENE", 3600).add("action_info", sceneId(777)));
        Api returning = TestData.person(new Api(base), TestData.cnPhone());
        returning.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid()).build());
        assertEquals(204, returning.delete("api/v1/me/following/" + app.appid()).status());
        Reply back = scan(returning, poster.getString("ticket"));
        assertEquals(201, back.status(), back.text());
        assertEquals("SUBSCRIBE", back.json().getString("outcome"));
        assertEquals("777", back.json().getString("scene"));
        JsonObject list = api.get("cgi-bin/user/get?access_token=" + token).json();
        assertEquals(2, list.getInt("total"), list.toString());
        for (String each : list.getJsonObject("data").getJsonArray("openid").getValuesAs(JsonString::getString)) {
            if (!each.equals(openid)) {
                JsonObject returned = api.get("cgi-bin/user/info?access_token=" + token + "&openid=" + each).json();
                assertEquals("ADD_SCENE_QR_CODE", returned.getString("subscribe_scene"), returned.toString());
                assertEquals(777, returned.getInt("qr_scene"));
                assertEquals("", returned.getString("qr_scene_str"));
            }
        }
        assertTrue(returning.get("api/v1/me/following").text().contains(app.appid()));
    }

    @Test
    void unknownCodesAndBadScansAreRefused() {
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        Reply unknown = scan(fan, "http://localhost:8080/q/gQ" + "n".repeat(32));
        assertEquals(404, unknown.status(), unknown.text());
        assertEquals("qr-code-unknown", unknown.problem());
        Reply foreign = scan(fan, "https://example.com/some/page?id=1");
        assertEquals(404, foreign.status(), foreign.text());
        assertEquals("qr-code-unknown", foreign.problem());
        Reply empty = scan(fan, "  ");
        assertEquals(400, empty.status(), empty.text());
        assertEquals("validation-failed", empty.problem());
        Reply anonymous = new Api(base).post("api/v1/qr-scans",
                Json.createObjectBuilder().add("content", "gQ" + "n".repeat(32)).build());
        assertEquals(401, anonymous.status(), anonymous.text());
    }

    private static JsonObjectBuilder request(String actionName, Integer expireSeconds) {
        JsonObjectBuilder request = Json.createObjectBuilder().add("action_name", actionName);
        return expireSeconds == null ? request : request.add("expire_seconds", expireSeconds);
    }

    private static JsonObject sceneId(long id) {
        return Json.createObjectBuilder().add("scene", Json.createObjectBuilder().add("scene_id", id)).build();
    }

    private static JsonObject sceneStr(String str) {
        return Json.createObjectBuilder().add("scene", Json.createObjectBuilder().add("scene_str", str)).build();
    }

    private static JsonObject create(Api api, String token, JsonObjectBuilder request) {
        Reply reply = api.post("cgi-bin/qrcode/create?access_token=" + token, request.build());
        assertEquals(200, reply.status(), reply.text());
        assertEquals(0, reply.errcode(), reply.text());
        return reply.json();
    }

    private static Reply scan(Api person, String content) {
        return person.post("api/v1/qr-scans", Json.createObjectBuilder().add("content", content).build());
    }

    private static void assertErrcode(int expected, Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        assertEquals(expected, reply.errcode(), reply.text());
    }

    private String host() {
        return base.toString().replaceAll("/+$", "");
    }

    private WxMpService wxJava(App app) {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(app.appid());
        config.setSecret(app.secret());
        config.setHostConfig(WxMpHostConfig.builder().apiHost(host()).mpHost(host()).openHost(host()).build());
        WxMpService wx = new WxMpServiceImpl();
        wx.setWxMpConfigStorage(config);
        return wx;
    }

    private record Picture(int status, String contentType, byte[] bytes) {
    }

    /** A GET as an image viewer makes it: no headers of ours, the body as bytes. */
    private static Picture download(String url) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Picture(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
