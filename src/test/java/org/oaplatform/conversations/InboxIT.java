package org.oaplatform.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.oaplatform.testsupport.TestData;

/**
 * The operators' inbox through the client API: an operator of an account (not its owner, and with an account that
 * has no developer API rights: WeChat's own admin lets every account answer within the window) sees the
 * conversations newest first with unread counts and each window's state, reads one, and replies until the window is
 * spent; the follower sees the replies. What a blacklisted follower writes stays out of the inbox. Strangers, unknown
 * followers and bad replies get problems, and nothing is stored for them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboxIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    record Setup(Api owner, Api operator, String appid, String secret) {

        String inbox() {
            return "api/v1/official-accounts/" + appid + "/conversations";
        }
    }

    /** An unverified subscription account, its owner and an operator it added. */
    Setup setup() {
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject account = Json.createObjectBuilder(TestData.serviceAccount(TestData.accountName("Inbox")))
                .add("type", "SUBSCRIPTION").build();
        Reply created = owner.post("api/v1/official-accounts", account);
        assertEquals(201, created.status(), created.text());
        return withOperator(owner, created.json().getString("appid"), created.json().getString("secret"));
    }

    /** A verified service account, whose developer API may blacklist. */
    Setup verifiedSetup() {
        TestData.App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        return withOperator(app.owner(), app.appid(), app.secret());
    }

    Setup withOperator(Api owner, String appid, String secret) {
        String phone = TestData.cnPhone();
        Api operator = TestData.person(new Api(base), phone);
        Reply added = owner.post("api/v1/official-accounts/" + appid + "/members", Json.createObjectBuilder()
                .add("region", "CN").add("phone", phone).add("role", "OPERATOR").build());
        assertEquals(201, added.status(), added.text());
        return new Setup(owner, operator, appid, secret);
    }

    Api follower(Setup s) {
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", s.appid()).build())
                .status());
        return fan;
    }

    @Test
    void anOperatorReadsAndAnswersWithinTheWindowAndTheFollowerSeesTheAnswers() {
        Setup s = setup();
        Api fan = follower(s);
        assertEquals(0, list(s, "").getJsonArray("conversations").size(), "a follow alone starts no conversation");
        Instant before = Instant.now();
        write(fan, s, "在吗");
        write(fan, s, "想问一下营业时间");

        JsonObject entry = list(s, "").getJsonArray("conversations").getJsonObject(0);
        String openid = entry.getString("openid");
        assertEquals(2, entry.getInt("unreadCount"));
        assertEquals("想问一下营业时间", entry.getJsonObject("lastMessage").getJsonObject("content").getString("content"));
        assertTrue(entry.getBoolean("following"));
        JsonObject window = entry.getJsonObject("window");
        assertEquals("OPEN", window.getString("state"));
        assertEquals(5, window.getInt("messagesLeft"), "a message allows 5, not 5 on top of the follow's 3");
        Instant closes = Instant.parse(window.getString("closesAt"));
        assertFalse(closes.isBefore(before.plus(Duration.ofHours(48))), closes.toString());

        Reply thread = s.operator().get(s.inbox() + "/" + openid + "/messages");
        assertEquals(200, thread.status(), thread.text());
        assertEquals(List.of("想问一下营业时间", "在吗"), texts(thread.json().getJsonArray("messages")));
        assertEquals(0, list(s, "").getJsonArray("conversations").getJsonObject(0).getInt("unreadCount"),
                "opening the conversation read it");

        for (int i = 1; i <= 5; i++) {
            Reply sent = s.operator().post(s.inbox() + "/" + openid + "/messages",
                    Json.createObjectBuilder().add("type", "text").add("content", "您好 " + i).build());
            assertEquals(201, sent.status(), sent.text());
            assertEquals("out", sent.json().getString("direction"));
        }
        Reply spent = s.operator().post(s.inbox() + "/" + openid + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", "第六条").build());
        assertEquals(403, spent.status(), spent.text());
        assertTrue(spent.problem().endsWith("service-window-spent"), spent.text());
        JsonObject after = s.operator().get(s.inbox() + "/" + openid + "/messages?limit=3").json();
        assertEquals("SPENT", after.getJsonObject("window").getString("state"));
        assertEquals(0, after.getJsonObject("window").getInt("messagesLeft"));
        assertEquals(List.of("您好 5", "您好 4", "您好 3"), texts(after.getJsonArray("messages")));
        JsonObject older = s.operator().get(s.inbox() + "/" + openid + "/messages?limit=3&before="
                + after.getString("nextBefore")).json();
        assertEquals(List.of("您好 2", "您好 1", "想问一下营业时间"), texts(older.getJsonArray("messages")));

        Reply mine = fan.get("api/v1/conversations/" + s.appid() + "/messages?limit=50");
        List<JsonObject> answers = mine.json().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("direction").equals("out")).toList();
        assertEquals(5, answers.size(), "the follower sees the five answers and nothing of the refused one");
        assertEquals("您好 5", answers.get(0).getJsonObject("content").getString("content"));
    }

    @Test
    void theInboxIsNewestFirstPagedAndKeepsWhatABlacklistedFollowerWritesOut() {
        Setup s = verifiedSetup();
        Api first = follower(s);
        Api second = follower(s);
        Api third = follower(s);
        write(first, s, "一");
        write(second, s, "二");
        write(third, s, "三");
        JsonObject page = list(s, "?limit=2");
        assertEquals(List.of("三", "二"), lastTexts(page));
        JsonObject rest = list(s, "?limit=2&after=" + page.getString("nextAfter"));
        assertEquals(List.of("一"), lastTexts(rest));
        assertTrue(!rest.containsKey("nextAfter") || rest.isNull("nextAfter"), rest.toString());

        String firstOpenid = rest.getJsonArray("conversations").getJsonObject(0).getString("openid");
        String token = new TestData.App(s.owner(), s.appid(), s.secret()).token();
        assertEquals(0, s.owner().post("cgi-bin/tags/members/batchblacklist?access_token=" + token,
                Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(firstOpenid)).build())
                .errcode());
        write(first, s, "悄悄话");
        assertEquals(List.of("三", "二", "一"), lastTexts(list(s, "")),
                "a withheld message neither shows nor moves the conversation up");
        assertEquals(List.of("一"), texts(s.operator().get(s.inbox() + "/" + firstOpenid + "/messages").json()
                .getJsonArray("messages")));
        Reply refused = s.operator().post(s.inbox() + "/" + firstOpenid + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", "x").build());
        assertEquals(409, refused.status(), refused.text());
        assertTrue(refused.problem().endsWith("blacklisted"), refused.text());
    }

    @Test
    void strangersUnknownFollowersAndBadRepliesGetProblemsAndNothingIsStored() {
        Setup s = setup();
        Api fan = follower(s);
        write(fan, s, "你好");
        String openid = list(s, "").getJsonArray("conversations").getJsonObject(0).getString("openid");
        String messages = s.inbox() + "/" + openid + "/messages";

        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(404, stranger.get(s.inbox()).status());
        assertEquals(404, stranger.get(messages).status());
        assertEquals(404, stranger.post(messages, Json.createObjectBuilder().add("type", "text")
                .add("content", "冒充").build()).status());
        assertEquals(404, s.operator().get(s.inbox() + "/oNoSuchFollowerOfThisAccount0/messages").status());
        assertEquals(404, s.operator().get(s.inbox() + "/名字😀/messages").status());

        for (JsonObject bad : List.of(Json.createObjectBuilder().add("type", "text").build(),
                Json.createObjectBuilder().add("type", "text").add("content", "").build(),
                Json.createObjectBuilder().add("type", "location").add("content", "x").build(),
                Json.createObjectBuilder().add("content", "no type").build())) {
            Reply refused = s.operator().post(messages, bad);
            assertEquals(400, refused.status(), bad + " → " + refused.text());
            assertEquals("application/problem+json", refused.contentType().split(";")[0], refused.text());
        }
        Reply unknownMedia = s.operator().post(messages, Json.createObjectBuilder().add("type", "image")
                .add("mediaId", "noSuchMedia").build());
        assertEquals(404, unknownMedia.status(), unknownMedia.text());
        assertTrue(unknownMedia.problem().endsWith("invalid-media-id"), unknownMedia.text());
        assertEquals(400, s.operator().get(messages + "?before=yesterday").status());
        assertEquals(400, s.operator().get(s.inbox() + "?limit=0").status());
        assertEquals(400, s.operator().get(s.inbox() + "?after=oNoSuchFollowerOfThisAccount0").status());
        assertEquals(List.of("你好"), texts(s.operator().get(messages).json().getJsonArray("messages")),
                "no refused reply was stored");
    }

    private static void write(Api fan, Setup s, String text) {
        Reply sent = fan.post("api/v1/conversations/" + s.appid() + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", text).build());
        assertEquals(201, sent.status(), sent.text());
    }

    private static JsonObject list(Setup s, String query) {
        Reply reply = s.operator().get(s.inbox() + query);
        assertEquals(200, reply.status(), reply.text());
        return reply.json();
    }

    private static List<String> texts(JsonArray messages) {
        return messages.getValuesAs(JsonObject.class).stream()
                .map(m -> m.getJsonObject("content").getString("content")).toList();
    }

    private static List<String> lastTexts(JsonObject page) {
        return page.getJsonArray("conversations").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getJsonObject("lastMessage").getJsonObject("content").getString("content")).toList();
    }
}
