package org.oaplatform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.DeveloperServerStub;
import org.oaplatform.testsupport.DeveloperServerStub.Answer;
import org.oaplatform.testsupport.DeveloperServerStub.Received;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;

/**
 * Developer mode end to end, with a developer server written with WxJava in this JVM: the settings and their
 * handshake, follower events pushed in plain, compatible and safe mode, retries with one event identity, the delivery
 * log with replay, and a push that lost its instance delivered again by the timer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeveloperServerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private App app() {
        return TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
    }

    private static JsonObject settings(String url, String token, String key, String mode, boolean enabled) {
        var body = Json.createObjectBuilder().add("url", url).add("token", token).add("mode", mode)
                .add("enabled", enabled);
        return (key == null ? body : body.add("encodingAesKey", key)).build();
    }

    private static Reply configure(App app, DeveloperServerStub stub, String token, String key, String mode) {
        return app.owner().put("api/v1/official-accounts/" + app.appid() + "/server",
                settings(stub.url(), token, key, mode, true));
    }

    @Test
    void aServerThatAnswersTheHandshakeIsSavedAndReadBackMasked() throws Exception {
        App app = app();
        String token = DeveloperServerStub.token();
        String key = DeveloperServerStub.aesKey();
        try (DeveloperServerStub stub = DeveloperServerStub.start(token, key, app.appid())) {
            Reply saved = configure(app, stub, token, key, "SAFE");
            assertEquals(200, saved.status(), saved.text());
            Reply read = app.owner().get("api/v1/official-accounts/" + app.appid() + "/server");
            assertEquals(200, read.status(), read.text());
            JsonObject server = read.json();
            assertEquals(stub.url(), server.getString("url"));
            assertEquals("SAFE", server.getString("mode"));
            assertTrue(server.getBoolean("enabled"));
            assertFalse(server.getString("token").contains(token.substring(2, token.length() - 2)), "masked");
            assertFalse(server.getString("encodingAesKey").contains(key.substring(2, 41)), "masked");
            assertFalse(read.text().contains(token) || read.text().contains(key));
        }
    }

    @Test
    void onlyOwnersAndAdminsConfigureAndStrangersDoNotSeeTheAccount() throws Exception {
        App app = app();
        String operatorPhone = TestData.cnPhone();
        Api operator = TestData.person(new Api(base), operatorPhone);
        assertEquals(201, app.owner().post("api/v1/official-accounts/" + app.appid() + "/members",
                Json.createObjectBuilder().add("phone", operatorPhone).add("role", "OPERATOR").build()).status());
        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        String token = DeveloperServerStub.token();
        try (DeveloperServerStub stub = DeveloperServerStub.start(token, DeveloperServerStub.aesKey(), app.appid())) {
            JsonObject body = settings(stub.url(), token, null, "PLAIN", true);
            assertEquals(403, operator.put("api/v1/official-accounts/" + app.appid() + "/server", body).status());
            assertEquals(404, stranger.put("api/v1/official-accounts/" + app.appid() + "/server", body).status());
            assertEquals(404, stranger.get("api/v1/official-accounts/" + app.appid() + "/deliveries").status());
            assertEquals(200, operator.get("api/v1/official-accounts/" + app.appid() + "/deliveries").status(),
                    "every member reads the delivery log");
            assertTrue(stub.received().isEmpty());
        }
    }

    @Test
    void aRefusedHandshakeSavesNothingAndSaysWhy() throws Exception {
        App app = app();
        String token = DeveloperServerStub.token();
        String key = DeveloperServerStub.aesKey();
        String path = "api/v1/official-accounts/" + app.appid() + "/server";
        try (DeveloperServerStub stub = DeveloperServerStub.start(token, key, app.appid())) {
            stub.handshake(query -> Answer.of("<html>" + query.get("echostr") + "</html>"));
            assertProblem(400, "server-verification-failed", configure(app, stub, token, key, "PLAIN"));

            stub.handshake(query -> Answer.of(query.get("echostr")));
            assertProblem(400, "server-verification-failed", configure(app, stub, "wrongToken1", key, "PLAIN"));

            stub.handshake(query -> Answer.redirect("http://169.254.169.254/latest/meta-data/"));
            assertProblem(502, "webhook-redirect-refused", configure(app, stub, token, key, "PLAIN"));

            stub.handshake(query -> Answer.of(query.get("echostr")).after(Duration.ofSeconds(7)));
            assertProblem(504, "webhook-timeout", configure(app, stub, token, key, "PLAIN"));

            stub.handshake(query -> Answer.of(query.get("echostr")));
            assertProblem(400, "invalid-encoding-aes-key", configure(app, stub, token, null, "SAFE"));
            assertProblem(400, "invalid-encoding-aes-key", configure(app, stub, token, "short", "PLAIN"));
            assertProblem(400, "validation-failed", configure(app, stub, "a b", key, "PLAIN"));
        }
        assertProblem(400, "server-url-refused", app.owner().put(path,
                settings("http://169.254.169.254/wx", token, key, "PLAIN", true)));
        assertProblem(400, "server-url-refused", app.owner().put(path,
                settings("ftp://127.0.0.1/wx", token, key, "PLAIN", true)));
        assertProblem(502, "webhook-unreachable", app.owner().put(path,
                settings("http://127.0.0.1:" + closedPort() + "/wx", token, key, "PLAIN", true)));
        assertProblem(400, "validation-failed", app.owner().put(path, Json.createObjectBuilder().build()));
        assertProblem(404, "developer-server-not-configured", app.owner().get(path));
    }

    @Test
    void followerEventsArePushedInEveryModeAndWxJavaReadsThem() throws Exception {
        App app = app();
        String token = DeveloperServerStub.token();
        String key = DeveloperServerStub.aesKey();
        try (DeveloperServerStub stub = DeveloperServerStub.start(token, key, app.appid())) {
            assertEquals(200, configure(app, stub, token, key, "SAFE").status());
            Api first = TestData.person(new Api(base), TestData.cnPhone());
            follow(first, app);
            Received subscribe = awaitPush(stub, 1);
            assertTrue(subscribe.signatureValid());
            assertTrue(subscribe.encrypted());
            assertFalse(subscribe.body().contains("<Event>"), "safe mode sends nothing in clear");
            assertEquals("subscribe", subscribe.message().getEvent(), String.valueOf(subscribe.parseError()));
            String openid = subscribe.message().getFromUser();
            assertEquals(openid, subscribe.query().get("openid"));
            assertTrue(subscribe.message().getToUser().startsWith("gh_"));
            assertNull(subscribe.message().getEventKey());

            assertEquals(200, configure(app, stub, token, key, "COMPATIBLE").status());
            JsonObject qr = app.owner().post("cgi-bin/qrcode/create?access_token=" + app.token(),
                    Json.createObjectBuilder().add("action_name", "QR_LIMIT_STR_SCENE").add("action_info",
                            Json.createObjectBuilder().add("scene", Json.createObjectBuilder()
                                    .add("scene_str", "shop-7"))).build()).json();
            String ticket = qr.getString("ticket");
            scan(first, ticket);
            Received scan = awaitPush(stub, 2);
            assertTrue(scan.encrypted());
            assertTrue(scan.body().contains("<Event><![CDATA[SCAN]]></Event>"), "compatible mode: clear fields too");
            assertEquals("SCAN", scan.message().getEvent());
            assertEquals("shop-7", scan.message().getEventKey());
            assertEquals(ticket, scan.message().getTicket());

            assertEquals(200, configure(app, stub, token, null, "PLAIN").status());
            Api second = TestData.person(new Api(base), TestData.cnPhone());
            scan(second, ticket);
            Received qrSubscribe = awaitPush(stub, 3);
            assertFalse(qrSubscribe.encrypted());
            assertEquals("subscribe", qrSubscribe.message().getEvent());
            assertEquals("qrscene_shop-7", qrSubscribe.message().getEventKey());
            assertEquals(ticket, qrSubscribe.message().getTicket());

            assertEquals(204, first.delete("api/v1/me/following/" + app.appid()).status());
            Received unsubscribe = awaitPush(stub, 4);
            assertEquals("unsubscribe", unsubscribe.message().getEvent());
            assertEquals(openid, unsubscribe.message().getFromUser());
            stub.received().forEach(r -> assertTrue(r.signatureValid()));
        }
    }

    @Test
    void aServerThatTimesOutTwiceGetsTheSameEventThreeTimesAndTheLogShowsEachAttempt() throws Exception {
        App app = app();
        String token = DeveloperServerStub.token();
        try (DeveloperServerStub stub = DeveloperServerStub.start(token, DeveloperServerStub.aesKey(), app.appid())) {
            assertEquals(200, configure(app, stub, token, null, "PLAIN").status());
            AtomicInteger calls = new AtomicInteger();
            stub.answer(push -> calls.incrementAndGet() <= 2 ? Answer.of("success").after(Duration.ofSeconds(6))
                    : Answer.of("success"));
            follow(TestData.person(new Api(base), TestData.cnPhone()), app);
            awaitPush(stub, 3);
            List<WxMpXmlMessage> pushes = stub.received().stream().map(Received::message).toList();
            assertEquals(1, pushes.stream().map(m -> m.getFromUser() + "@" + m.getCreateTime()).distinct().count(),
                    "one event identity (FromUserName + CreateTime) on every attempt");

            JsonArray log = Eventually.poll(PATIENCE, () -> deliveries(app, ""), l -> l.size() == 3 && l
                    .getJsonObject(0).getString("outcome").equals("DELIVERED"));
            assertEquals(List.of(3, 2, 1), log.stream().map(v -> v.asJsonObject().getInt("attempt")).toList());
            assertEquals("DELIVERED", log.getJsonObject(0).getString("pushState"));
            JsonObject timedOut = log.getJsonObject(2);
            assertEquals("FAILED", timedOut.getString("outcome"));
            assertTrue(timedOut.getString("error").startsWith("webhook-timeout"), timedOut.toString());
            assertTrue(timedOut.getJsonNumber("latencyMs").longValue() >= 4_900);
            assertEquals("event:subscribe", timedOut.getString("event"));
            assertTrue(timedOut.getString("requestUrl").contains("signature=***"), timedOut.toString());
            assertFalse(timedOut.getString("requestUrl").contains(token));
            assertTrue(timedOut.getString("requestBody").contains("<Event><![CDATA[subscribe]]></Event>"));

            Reply firstPage = app.owner().get("api/v1/official-accounts/" + app.appid() + "/deliveries?limit=2");
            String next = firstPage.json().getString("nextBefore");
            JsonArray rest = deliveries(app, "&before=" + next);
            assertEquals(1, rest.size());
            assertEquals(1, rest.getJsonObject(0).getInt("attempt"));

            Reply replay = app.owner().post("api/v1/official-accounts/" + app.appid() + "/deliveries/"
                    + log.getJsonObject(0).getString("id") + "/replay", Json.createObjectBuilder().build());
            assertEquals(202, replay.status(), replay.text());
            awaitPush(stub, 4);
            assertEquals(pushes.get(0).getCreateTime(), stub.received().get(3).message().getCreateTime());
            assertProblem(404, "not-found", app.owner().post("api/v1/official-accounts/" + app.appid()
                    + "/deliveries/dlv_0000000000000000/replay", Json.createObjectBuilder().build()));
        }
    }

    @Test
    void aPushWhoseInstanceDiedIsDeliveredAgainOnceItsLeaseRanOut() throws Exception {
        App app = app();
        String token = DeveloperServerStub.token();
        try (DeveloperServerStub stub = DeveloperServerStub.start(token, DeveloperServerStub.aesKey(), app.appid())) {
            assertEquals(200, configure(app, stub, token, null, "PLAIN").status());
            follow(TestData.person(new Api(base), TestData.cnPhone()), app);
            Received first = awaitPush(stub, 1);
            Eventually.poll(PATIENCE, () -> deliveries(app, ""), l -> l.size() == 1);
            // What an instance that died during attempt 1 leaves behind: the push leased to it, the lease run out.
            try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "oa", "oa");
                    PreparedStatement lost = db.prepareStatement("UPDATE webhook_push SET state = 'IN_FLIGHT',"
                            + " attempts = 1, lease_owner = 'dead@instance',"
                            + " lease_until = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6))"
                            + " WHERE account_id = (SELECT id FROM official_account WHERE app_id = ?)")) {
                lost.setString(1, app.appid());
                assertEquals(1, lost.executeUpdate());
            }
            Received again = awaitPush(stub, 2);
            assertEquals(first.message().getCreateTime(), again.message().getCreateTime());
            JsonArray log = Eventually.poll(PATIENCE, () -> deliveries(app, ""), l -> l.size() == 2);
            assertEquals(2, log.getJsonObject(0).getInt("attempt"), "the lost attempt counted");
            assertEquals("DELIVERED", log.getJsonObject(0).getString("pushState"));
        }
    }

    @Test
    void aDisabledServerHearsNothing() throws Exception {
        App app = app();
        String token = DeveloperServerStub.token();
        try (DeveloperServerStub stub = DeveloperServerStub.start(token, DeveloperServerStub.aesKey(), app.appid())) {
            Reply saved = app.owner().put("api/v1/official-accounts/" + app.appid() + "/server",
                    settings(stub.url(), token, null, "PLAIN", false));
            assertEquals(200, saved.status(), saved.text());
            assertFalse(saved.json().getBoolean("enabled"));
            follow(TestData.person(new Api(base), TestData.cnPhone()), app);
            assertTrue(Eventually.stays(Duration.ofSeconds(2), () -> stub.received().isEmpty(), Boolean::booleanValue));
            assertEquals(0, deliveries(app, "").size());
        }
    }

    private JsonArray deliveries(App app, String query) {
        Reply reply = app.owner().get("api/v1/official-accounts/" + app.appid() + "/deliveries?limit=50" + query);
        assertEquals(200, reply.status(), reply.text());
        return reply.json().getJsonArray("deliveries");
    }

    private static void follow(Api person, App app) {
        Reply followed = person.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build());
        assertEquals(201, followed.status(), followed.text());
    }

    private static void scan(Api person, String ticket) {
        Reply scanned = person.post("api/v1/qr-scans", Json.createObjectBuilder().add("content", ticket).build());
        assertEquals(201, scanned.status(), scanned.text());
    }

    static Received awaitPush(DeveloperServerStub stub, int count) {
        List<Received> received = Eventually.poll(PATIENCE, stub::received, r -> r.size() >= count);
        assertEquals(count, received.size(), "pushes received");
        Received last = received.get(count - 1);
        assertNotNull(last.message(), String.valueOf(last.parseError()));
        return last;
    }

    static void assertProblem(int status, String type, Reply reply) {
        assertEquals(status, reply.status(), reply.text());
        assertEquals(type, reply.problem(), reply.text());
        assertNotEquals("", reply.json().getString("detail"));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
