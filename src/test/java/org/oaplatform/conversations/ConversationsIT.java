package org.oaplatform.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutNewsMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
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
 * Followers write to accounts through the client API; a developer server written with WxJava reads the pushes and
 * answers, in plain, compatible and safe mode, and its replies appear in the conversation. Whatever the server does
 * wrong, the follower's message is kept and the attempt logged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConversationsIT {

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

    private Api follower(App app) {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        Reply followed = person.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build());
        assertEquals(201, followed.status(), followed.text());
        return person;
    }

    private static JsonObject text(String content) {
        return Json.createObjectBuilder().add("type", "text").add("content", content).build();
    }

    private static Reply send(Api person, App app, JsonObject message) {
        return person.post("api/v1/conversations/" + app.appid() + "/messages", message);
    }

    private static JsonArray messages(Api person, App app, String query) {
        Reply reply = person.get("api/v1/conversations/" + app.appid() + "/messages?limit=50" + query);
        assertEquals(200, reply.status(), reply.text());
        return reply.json().getJsonArray("messages");
    }

    private static JsonArray deliveries(App app) {
        Reply reply = app.owner().get("api/v1/official-accounts/" + app.appid() + "/deliveries?limit=100");
        assertEquals(200, reply.status(), reply.text());
        return reply.json().getJsonArray("deliveries");
    }

    private static void assertProblem(int status, String type, Reply reply) {
        assertEquals(status, reply.status(), reply.text());
        assertEquals(type, reply.problem(), reply.text());
    }

    @Test
    void followersWriteTextLocationAndLinkAndReadTheirConversationNewestFirst() {
        App app = app();
        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        assertProblem(403, "not-a-follower", send(stranger, app, text("hello?")));
        Api person = follower(app);

        Reply first = send(person, app, text("hello"));
        assertEquals(201, first.status(), first.text());
        JsonObject sent = first.json();
        assertEquals("in", sent.getString("direction"));
        assertEquals("text", sent.getString("type"));
        assertEquals("hello", sent.getJsonObject("content").getString("content"));
        assertTrue(Long.parseLong(sent.getString("id")) > 0, "a 64-bit MsgId");
        assertEquals(201, send(person, app, Json.createObjectBuilder().add("type", "location").add("latitude", 31.2304)
                .add("longitude", 121.4737).add("scale", 16).add("label", "The Bund").build()).status());
        assertEquals(201, send(person, app, Json.createObjectBuilder().add("type", "link").add("title", "Docs")
                .add("description", "read me").add("url", "https://example.com/docs").build()).status());

        assertProblem(400, "message-type-not-supported", send(person, app,
                Json.createObjectBuilder().add("type", "shortvideo").add("mediaId", "x").build()));
        assertProblem(400, "invalid-message", send(person, app, text("   ")));
        assertProblem(400, "invalid-message", send(person, app, Json.createObjectBuilder().add("type", "link")
                .add("title", "x").add("url", "javascript:alert(1)").build()));
        assertProblem(400, "validation-failed", send(person, app, Json.createObjectBuilder().build()));
        assertProblem(404, "not-found", person.post("api/v1/conversations/wx0000000000000000/messages",
                text("anyone?")));
        assertEquals(401, new Api(base).post("api/v1/conversations/" + app.appid() + "/messages", text("x"))
                .status());

        JsonArray all = messages(person, app, "");
        assertEquals(List.of("link", "location", "text"),
                all.stream().map(m -> m.asJsonObject().getString("type")).toList());
        assertEquals(16, all.getJsonObject(1).getJsonObject("content").getInt("scale"));
        Reply page = person.get("api/v1/conversations/" + app.appid() + "/messages?limit=2");
        String next = page.json().getString("nextBefore");
        JsonArray rest = messages(person, app, "&before=" + next);
        assertEquals(1, rest.size());
        assertEquals(sent.getString("id"), rest.getJsonObject(0).getString("id"));
        assertProblem(400, "validation-failed", person.get("api/v1/conversations/" + app.appid()
                + "/messages?before=abc"));

        JsonArray conversations = person.get("api/v1/conversations").json().getJsonArray("conversations");
        assertEquals(1, conversations.size());
        assertEquals(app.appid(), conversations.getJsonObject(0).getString("appid"));
        assertEquals("link", conversations.getJsonObject(0).getJsonObject("lastMessage").getString("type"));
        assertEquals(0, conversations.getJsonObject(0).getInt("unreadCount"));
        assertEquals(0, messages(stranger, app, "").size(), "nobody else's conversation");
    }

    @Test
    void pushesInEveryModeAndTheirPassiveRepliesLandInTheConversation() throws Exception {
        App app = app();
        try (DeveloperServerStub stub = DeveloperServerStub.start(app.appid())) {
            // WxJava writes reply text into CDATA without splitting "]]>" (docs/webhooks.md): the echo leaves it out
            stub.answer(push -> stub.reply(push, WxMpXmlOutMessage.TEXT().content("echo: "
                    + push.message().getContent().replace("]]>", "]]")).toUser(push.message().getFromUser())
                    .fromUser(push.message().getToUser()).build()));
            Api person = follower(app);
            int pushes = 0;
            for (String mode : List.of("PLAIN", "COMPATIBLE", "SAFE")) {
                stub.connect(app, mode);
                String id = send(person, app, text("hi in " + mode + " ]]> <b>")).json().getString("id");
                Received push = stub.await(++pushes);
                assertTrue(push.signatureValid());
                assertEquals(!mode.equals("PLAIN"), push.encrypted(), mode);
                assertEquals("text", push.message().getMsgType());
                assertEquals("hi in " + mode + " ]]> <b>", push.message().getContent());
                assertEquals(Long.parseLong(id), push.message().getMsgId(), "the message's id is its MsgId");
                JsonArray conversation = Eventually.poll(PATIENCE, () -> messages(person, app, ""),
                        m -> m.getJsonObject(0).getString("direction").equals("out"));
                assertEquals("echo: hi in " + mode + " ]] <b>",
                        conversation.getJsonObject(0).getJsonObject("content").getString("content"), mode);
            }
            JsonObject unread = person.get("api/v1/conversations").json().getJsonArray("conversations")
                    .getJsonObject(0);
            assertEquals(0, unread.getInt("unreadCount"), "read when the conversation was opened");

            stub.answer(push -> stub.reply(push, WxMpXmlOutMessage.NEWS().addArticle(article("one"), article("two"))
                    .toUser(push.message().getFromUser()).fromUser(push.message().getToUser()).build()));
            send(person, app, Json.createObjectBuilder().add("type", "location").add("latitude", 31.2304)
                    .add("longitude", 121.4737).add("scale", 16).add("label", "The Bund").build());
            WxMpXmlMessage location = stub.await(++pushes).message();
            assertEquals(31.2304, location.getLocationX());
            assertEquals(121.4737, location.getLocationY());
            assertEquals("The Bund", location.getLabel());
            JsonObject summary = Eventually.poll(PATIENCE, () -> person.get("api/v1/conversations").json()
                    .getJsonArray("conversations").getJsonObject(0),
                    c -> c.getJsonObject("lastMessage").getString("type").equals("news"));
            assertEquals(1, summary.getInt("unreadCount"), "the reply is unread until the conversation is opened");
            JsonObject news = messages(person, app, "").getJsonObject(0);
            assertEquals(1, news.getJsonObject("content").getJsonArray("articles").size(),
                    "one article in a reply to a message");
            assertEquals(0, person.get("api/v1/conversations").json().getJsonArray("conversations")
                    .getJsonObject(0).getInt("unreadCount"));

            stub.answer(push -> stub.reply(push, WxMpXmlOutMessage.MUSIC().title("Song").description("la")
                    .musicUrl("https://example.com/a.mp3").hqMusicUrl("https://example.com/a.flac")
                    .thumbMediaId("thumb1").toUser(push.message().getFromUser())
                    .fromUser(push.message().getToUser()).build()));
            send(person, app, Json.createObjectBuilder().add("type", "link").add("title", "Docs")
                    .add("description", "read me").add("url", "https://example.com/docs").build());
            WxMpXmlMessage link = stub.await(++pushes).message();
            assertEquals("Docs", link.getTitle());
            assertEquals("https://example.com/docs", link.getUrl());
            JsonObject music = Eventually.poll(PATIENCE, () -> messages(person, app, "").getJsonObject(0),
                    m -> m.getString("type").equals("music"));
            assertEquals("https://example.com/a.mp3", music.getJsonObject("content").getString("musicUrl"));

            stub.answer(push -> Answer.of("success"));
            Reply reported = person.post("api/v1/conversations/" + app.appid() + "/location", Json
                    .createObjectBuilder().add("latitude", 23.1291).add("longitude", 113.2644).add("precision", 30.5)
                    .build());
            assertEquals(202, reported.status(), reported.text());
            WxMpXmlMessage event = stub.await(++pushes).message();
            assertEquals("LOCATION", event.getEvent());
            assertEquals(23.1291, event.getLatitude());
            assertEquals(30.5, event.getPrecision());
            assertProblem(400, "invalid-message", person.post("api/v1/conversations/" + app.appid() + "/location",
                    Json.createObjectBuilder().add("latitude", 123).add("longitude", 0).build()));
        }
    }

    @Test
    void aServerThatTimesOutTwiceGetsOneMsgIdThreeTimesAndItsReplyOnce() throws Exception {
        App app = app();
        Api person = follower(app);
        try (DeveloperServerStub stub = DeveloperServerStub.start(app.appid())) {
            stub.connect(app, "SAFE");
            AtomicInteger calls = new AtomicInteger();
            stub.answer(push -> {
                Answer reply = stub.reply(push, WxMpXmlOutMessage.TEXT().content("third time lucky")
                        .toUser(push.message().getFromUser()).fromUser(push.message().getToUser()).build());
                return calls.incrementAndGet() <= 2 ? reply.after(Duration.ofSeconds(6)) : reply;
            });
            String id = send(person, app, text("are you there?")).json().getString("id");
            stub.await(3);
            assertEquals(List.of(Long.parseLong(id), Long.parseLong(id), Long.parseLong(id)),
                    stub.received().stream().map(r -> r.message().getMsgId()).toList());
            JsonArray conversation = Eventually.poll(PATIENCE, () -> messages(person, app, ""), m -> m.size() == 2);
            assertEquals("third time lucky", conversation.getJsonObject(0).getJsonObject("content")
                    .getString("content"));
            assertEquals(2, Eventually.stays(Duration.ofSeconds(1), () -> messages(person, app, ""), m -> m.size() == 2)
                    .size(), "the timed-out answers left no reply behind");
            JsonArray log = deliveries(app);
            assertEquals(List.of("DELIVERED", "FAILED", "FAILED"),
                    log.stream().map(v -> v.asJsonObject().getString("outcome")).toList());
            assertEquals(id, log.getJsonObject(0).getString("msgId"));
        }
    }

    @Test
    void whateverTheServerAnswersTheMessageIsKeptAndTheFailureLogged() throws Exception {
        App app = app();
        Api person = follower(app);
        try (DeveloperServerStub stub = DeveloperServerStub.start(app.appid())) {
            stub.connect(app, "SAFE");
            WxMpDefaultConfigImpl stranger = new WxMpDefaultConfigImpl();
            stranger.setAppId(app.appid());
            stranger.setToken("otherToken");
            stranger.setAesKey(DeveloperServerStub.aesKey());
            Map<String, Function<Received, Answer>> answers = Map.of(
                    "garbage", push -> Answer.of("<<<this is { not xml"),
                    "wrong signature", push -> Answer.of(WxMpXmlOutMessage.TEXT().content("forged")
                            .toUser(push.message().getFromUser()).fromUser(push.message().getToUser()).build()
                            .toEncryptedXml(stranger)),
                    "plain reply in safe mode", push -> Answer.of(WxMpXmlOutMessage.TEXT().content("in clear")
                            .toUser(push.message().getFromUser()).fromUser(push.message().getToUser()).build()
                            .toXml()),
                    "xxe", push -> Answer.of("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM"
                            + " \"file:///etc/passwd\">]><xml><ToUserName>" + push.message().getFromUser()
                            + "</ToUserName><FromUserName>" + push.message().getToUser() + "</FromUserName>"
                            + "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&x;</Content></xml>"),
                    "billion laughs", push -> Answer.of("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol"
                            + " \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                            + "<xml><Content>&lol2;</Content></xml>"),
                    "ten megabytes", push -> new Answer(200, new byte[10 * 1024 * 1024], Duration.ZERO, Map.of()),
                    "redirect", push -> Answer.redirect("http://169.254.169.254/latest/meta-data/"),
                    "server error", push -> new Answer(500, "oops".getBytes(StandardCharsets.UTF_8), Duration.ZERO,
                            Map.of()));
            Map<String, String> expected = Map.of("garbage", "REPLY_REFUSED webhook-payload-malformed",
                    "wrong signature", "REPLY_REFUSED webhook-signature-mismatch",
                    "plain reply in safe mode", "REPLY_REFUSED webhook-payload-malformed",
                    "xxe", "REPLY_REFUSED webhook-payload-malformed",
                    "billion laughs", "REPLY_REFUSED webhook-payload-malformed",
                    "ten megabytes", "FAILED webhook-payload-too-large",
                    "redirect", "FAILED webhook-redirect-refused",
                    "server error", "FAILED webhook-http-status");
            for (var answer : answers.entrySet()) {
                stub.answer(answer.getValue());
                Reply sent = send(person, app, text(answer.getKey()));
                assertEquals(201, sent.status(), sent.text());
                String id = sent.json().getString("id");
                // The log is empty until the first attempt is written: poll until it shows this message's outcome.
                JsonObject last = Eventually.poll(PATIENCE, () -> newestDelivery(app),
                        d -> d.getString("msgId", "").equals(id) && !d.getString("pushState", "PENDING").equals("PENDING")
                                && !d.getString("pushState", "").equals("IN_FLIGHT"));
                String[] outcome = expected.get(answer.getKey()).split(" ");
                assertEquals(outcome[0], last.getString("outcome"), answer.getKey() + ": " + last);
                assertTrue(last.getString("error").startsWith(outcome[1]), answer.getKey() + ": " + last);
                assertEquals(outcome[0].equals("FAILED") ? "FAILED" : "DELIVERED", last.getString("pushState"));
                JsonArray conversation = messages(person, app, "");
                assertEquals(id, conversation.getJsonObject(0).getString("id"), answer.getKey() + ": kept, no reply");
            }
            assertFalse(deliveries(app).toString().contains("root:"), "no file content ever read");

            stub.answer(push -> stub.reply(push, WxMpXmlOutMessage.TEXT().content("all good")
                    .toUser(push.message().getFromUser()).fromUser(push.message().getToUser()).build()));
            send(person, app, text("still there?"));
            JsonObject reply = Eventually.poll(PATIENCE, () -> messages(person, app, "").getJsonObject(0),
                    m -> m.getString("direction").equals("out"));
            assertEquals("all good", reply.getJsonObject("content").getString("content"));
        }
    }

    @Test
    void aBlacklistedFollowersMessageIsKeptButNeverReachesTheAccount() throws Exception {
        App app = app();
        try (DeveloperServerStub stub = DeveloperServerStub.start(app.appid())) {
            stub.connect(app, "PLAIN");
            Api person = follower(app);
            String openid = stub.await(1).message().getFromUser();
            Reply blacklisted = app.owner().post("cgi-bin/tags/members/batchblacklist?access_token=" + app.token(),
                    Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(openid)).build());
            assertEquals(0, blacklisted.errcode(), blacklisted.text());

            Reply sent = send(person, app, text("let me in"));
            assertEquals(201, sent.status(), sent.text());
            assertEquals(202, person.post("api/v1/conversations/" + app.appid() + "/location", Json
                    .createObjectBuilder().add("latitude", 1).add("longitude", 2).build()).status());
            assertEquals(1, Eventually.stays(Duration.ofSeconds(2), () -> stub.received().size(), n -> n == 1),
                    "only the subscribe");
            assertEquals(1, deliveries(app).size());
            assertEquals("let me in", messages(person, app, "").getJsonObject(0).getJsonObject("content")
                    .getString("content"), "the follower still sees what they wrote");
            assertNull(person.get("api/v1/conversations").json().getJsonArray("conversations").getJsonObject(0)
                    .get("withheld"), "nothing tells the follower");
        }
    }

    private static WxMpXmlOutNewsMessage.Item article(String title) {
        WxMpXmlOutNewsMessage.Item item = new WxMpXmlOutNewsMessage.Item();
        item.setTitle(title);
        item.setDescription("about " + title);
        item.setPicUrl("https://example.com/" + title + ".png");
        item.setUrl("https://example.com/" + title);
        return item;
    }

    private static JsonObject newestDelivery(App app) {
        JsonArray log = deliveries(app);
        return log.isEmpty() ? JsonValue.EMPTY_JSON_OBJECT : log.getJsonObject(0);
    }
}
