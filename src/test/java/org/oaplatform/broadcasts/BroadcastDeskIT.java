package org.oaplatform.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.broadcasts.boundary.BroadcastDesk;
import org.oaplatform.broadcasts.control.BroadcastCalendar;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.MovableClock;
import org.oaplatform.testsupport.MultipartBody;
import org.oaplatform.testsupport.SampleMedia;
import org.oaplatform.testsupport.TestData;

/**
 * Members' broadcasts through the client API, with the clock: scheduled ones start when their time has come (and
 * not before, and not once cancelled), a subscription account's scheduled broadcast holds the day it is scheduled
 * for, approval by a manager other than the composer, the filtered followers by reason, reads per hour, and the
 * refusals of bad compositions.
 */
@ExtendWith(ArquillianExtension.class)
class BroadcastDeskIT {

    private static final String BROADCASTS = "api/v1/official-accounts/%s/broadcasts";

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock();
    }

    @ArquillianResource
    URL base;

    @Inject
    MovableClock clock;

    @Inject
    BroadcastDesk desk;

    @Inject
    AuditLog audit;

    @PersistenceContext
    EntityManager em;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aScheduledBroadcastStartsWhenItsTimeHasComeAndCountsItsFilteredAndItsReads() {
        Account account = account("SERVICE", 3);
        String token = new TestData.App(account.owner(), account.appid(), account.secret()).token();
        assertEquals(0, account.owner().post("cgi-bin/tags/members/batchblacklist?access_token=" + token,
                Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(account.openids().get(0)))
                        .build()).errcode());
        Instant at = Instant.now().plus(Duration.ofHours(2));
        JsonObject scheduled = compose(account, text("两小时后").add("sendAt", at.toString())).json();
        assertEquals("SCHEDULED", scheduled.getString("status"));
        String id = scheduled.getString("id");

        assertEquals(0, desk.startDue(), "not before its time");
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertEquals(1, desk.startDue());
        JsonObject sent = finished(account, id);
        assertEquals(3, sent.getInt("totalCount"));
        assertEquals(2, sent.getInt("sentCount"));
        assertEquals(1, sent.getInt("blacklistedCount"));
        assertEquals(0, sent.getInt("overAllowanceCount"));

        List<Api> readers = account.fans().stream()
                .filter(fan -> fan.get("api/v1/inbox/broadcasts/" + id).status() == 200).toList();
        assertEquals(2, readers.size(), "the blacklisted follower has nothing to open");
        assertEquals(200, readers.get(0).get("api/v1/inbox/broadcasts/" + id).status());
        assertEquals(2L, ((Number) em.createNativeQuery("SELECT SUM(read_count) FROM broadcast_read_hour"
                + " WHERE broadcast_id = ?").setParameter(1, Long.parseLong(id)).getSingleResult()).longValue(),
                "a second open is no second read");
        JsonObject statistics = account.owner().get(path(account) + "/" + id + "/statistics").json();
        assertEquals(3, statistics.getInt("targeted"));
        assertEquals(1, statistics.getInt("blacklisted"));
        assertEquals(2, statistics.getInt("delivered"));
        assertEquals(2, statistics.getInt("read"));
        assertEquals(100, statistics.getJsonObject("progress").getInt("percent"));
        JsonObject last = statistics.getJsonArray("timeline").getJsonObject(statistics.getJsonArray("timeline").size()
                - 1);
        assertEquals(2, last.getInt("delivered"));
        assertEquals(2, last.getInt("read"));
        assertEquals(id, account.owner().get(path(account)).json().getJsonArray("broadcasts").getJsonObject(0)
                .getJsonObject("broadcast").getString("id"));
        JsonObject outlook = account.owner().get(path(account) + "/outlook?target=ALL").json();
        assertEquals(3, outlook.getInt("targeted"));
        assertEquals(1, outlook.getInt("blacklisted"));
        assertEquals(2, outlook.getInt("reaching"));
        assertEquals(400, account.owner().get(path(account) + "/outlook").status(), "a target is needed");
        assertEquals(404, account.owner().get(path(account) + "/x1/statistics").status());
        assertEquals(409, account.owner().post(path(account) + "/" + id + "/cancel", Json.createObjectBuilder()
                .build()).status(), "too late to cancel");
    }

    @Test
    void aCancelledBroadcastNeverStartsAndFreesTheDayItHeld() {
        Account account = account("SUBSCRIPTION", 1);
        ZonedDateTime tomorrow = LocalDate.now(BroadcastCalendar.CHINA).plusDays(1).atTime(10, 0)
                .atZone(BroadcastCalendar.CHINA);
        String id = compose(account, text("明天十点").add("sendAt", tomorrow.toInstant().toString())).json()
                .getString("id");
        Api.Reply sameDay = compose(account, text("明天也想发").add("sendAt",
                tomorrow.plusHours(5).toInstant().toString()));
        assertEquals(429, sameDay.status(), sameDay.text());
        assertEquals("no-broadcast-quota", sameDay.problem());
        assertEquals(201, compose(account, text("今天的")).status(), "today is another day");

        JsonObject cancelled = account.owner().post(path(account) + "/" + id + "/cancel",
                Json.createObjectBuilder().build()).json();
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertEquals(201, compose(account, text("明天的新安排").add("sendAt",
                tomorrow.plusHours(5).toInstant().toString())).status(), "the day is free again");
        clock.advance(Duration.between(Instant.now(), tomorrow.toInstant()).plusMinutes(1));
        desk.startDue();
        assertEquals("CANCELLED", account.owner().get(path(account) + "/" + id).json().getString("status"));
        assertTrue(audit.about("broadcast:" + id).stream().anyMatch(e -> e.action().equals("broadcast.cancelled")));
    }

    @Test
    void anAccountThatAsksForApprovalSendsWhatAnotherManagerApproved() {
        Account account = account("SERVICE", 2);
        Api admin = member(account, "ADMIN");
        Api operator = member(account, "OPERATOR");
        assertEquals(403, operator.put(path(account) + "/policy", Json.createObjectBuilder()
                .add("approvalRequired", true).build()).status());
        assertTrue(account.owner().put(path(account) + "/policy", Json.createObjectBuilder()
                .add("approvalRequired", true).build()).json().getBoolean("approvalRequired"));

        JsonObject pending = operator.post(path(account), text("请审批").build()).json();
        assertEquals("PENDING_APPROVAL", pending.getString("status"));
        String id = pending.getString("id");
        assertEquals(403, operator.post(path(account) + "/" + id + "/approve", Json.createObjectBuilder().build())
                .status(), "operators do not approve");
        Api.Reply approved = admin.post(path(account) + "/" + id + "/approve", Json.createObjectBuilder().build());
        assertEquals(200, approved.status(), approved.text());
        assertEquals("SENDING", approved.json().getString("status"));
        assertEquals(2, finished(account, id).getInt("sentCount"));

        String own = admin.post(path(account), text("我自己写的").build()).json().getString("id");
        Api.Reply selfApproved = admin.post(path(account) + "/" + own + "/approve", Json.createObjectBuilder().build());
        assertEquals(403, selfApproved.status());
        assertEquals("approver-is-composer", selfApproved.problem());
        JsonObject rejected = account.owner().post(path(account) + "/" + own + "/reject", Json.createObjectBuilder()
                .add("note", "措辞再改改").build()).json();
        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals("措辞再改改", rejected.getString("decisionNote"));
        assertEquals(409, account.owner().post(path(account) + "/" + own + "/approve", Json.createObjectBuilder()
                .build()).status());
        assertTrue(audit.about("broadcast:" + id).stream().anyMatch(e -> e.action().equals("broadcast.approved")));
    }

    @Test
    void recipientsOpenTheImageOfABroadcastThroughItAndNobodyElseDoes() {
        Account account = account("SERVICE", 1);
        String token = new TestData.App(account.owner(), account.appid(), account.secret()).token();
        byte[] jpeg = SampleMedia.jpeg(2048);
        MultipartBody image = MultipartBody.media("poster.jpg", jpeg);
        String mediaId = account.owner().post("cgi-bin/media/upload?access_token=" + token + "&type=image",
                image.bytes(), image.contentType()).json().getString("media_id");
        String other = account.owner().post("cgi-bin/media/upload?access_token=" + token + "&type=image",
                image.bytes(), image.contentType()).json().getString("media_id");
        String id = compose(account, Json.createObjectBuilder().add("target", "ALL").add("message",
                Json.createObjectBuilder().add("msgtype", "image").add("image", Json.createObjectBuilder()
                        .add("media_id", mediaId)))).json().getString("id");
        finished(account, id);

        Api fan = account.fans().get(0);
        Api.Download shown = fan.download("api/v1/inbox/broadcasts/" + id + "/media/" + mediaId);
        assertEquals(200, shown.status());
        assertTrue(java.util.Arrays.equals(jpeg, shown.body()), "the image as uploaded");
        assertEquals(404, fan.download("api/v1/inbox/broadcasts/" + id + "/media/" + other).status(),
                "an image of the account the broadcast does not show");
        assertEquals(404, fan.download("api/v1/inbox/broadcasts/" + id + "/media/名字😀").status());
        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(404, stranger.download("api/v1/inbox/broadcasts/" + id + "/media/" + mediaId).status(),
                "not a recipient");
    }

    @Test
    void theChatListShowsConversationsAndBroadcastsSideBySideNewestFirst() {
        Account talked = account("SERVICE", 1);
        Api fan = talked.fans().get(0);
        assertEquals(201, fan.post("api/v1/conversations/" + talked.appid() + "/messages", Json.createObjectBuilder()
                .add("type", "text").add("content", "你好").build()).status());
        Account broadcaster = account("SERVICE", 0);
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid",
                broadcaster.appid()).build()).status());
        String id = compose(broadcaster, text("新品上市")).json().getString("id");
        finished(broadcaster, id);

        JsonObject first = fan.get("api/v1/inbox?limit=1").json();
        JsonObject newest = first.getJsonArray("chats").getJsonObject(0);
        assertEquals("broadcast", newest.getString("kind"));
        assertEquals(broadcaster.appid(), newest.getString("appid"));
        assertEquals(id, newest.getJsonObject("broadcast").getString("id"));
        JsonObject second = fan.get("api/v1/inbox?limit=1&before=" + first.getString("nextBefore")).json();
        JsonObject older = second.getJsonArray("chats").getJsonObject(0);
        assertEquals("conversation", older.getString("kind"));
        assertEquals(talked.appid(), older.getString("appid"));
        assertEquals("你好", older.getJsonObject("conversation").getJsonObject("lastMessage")
                .getJsonObject("content").getString("content"));
        assertFalse(second.containsKey("nextBefore") && !second.isNull("nextBefore"), "two chats in all: " + second);
        assertProblem(400, "validation-failed", fan.get("api/v1/inbox?before=12-x-3"));
        assertProblem(400, "validation-failed", fan.get("api/v1/inbox?before=名字😀"));
    }

    @Test
    void badCompositionsAreRefusedAndNothingIsLeftBehind() {
        Account account = account("SERVICE", 2);
        long before = broadcasts(account);
        assertProblem(400, "validation-failed", compose(account, text("x").add("target", "EVERYONE")));
        assertProblem(400, "send-at-out-of-range", compose(account, text("x").add("sendAt",
                Instant.now().minusSeconds(60).toString())));
        assertProblem(400, "send-at-out-of-range", compose(account, text("x").add("sendAt",
                Instant.now().plus(Duration.ofDays(31)).toString())));
        assertProblem(400, "validation-failed", compose(account, text("x").add("sendAt", "tomorrow")));
        assertProblem(400, "validation-failed", compose(account, Json.createObjectBuilder().add("target", "ALL")));
        Api.Reply empty = compose(account, Json.createObjectBuilder().add("target", "ALL").add("message",
                Json.createObjectBuilder().add("msgtype", "text").add("text", Json.createObjectBuilder()
                        .add("content", ""))));
        assertEquals(400, empty.status(), empty.text());
        Api.Reply unknownTag = compose(account, text("x").add("target", "TAG").add("tagId", 999_999));
        assertTrue(unknownTag.status() >= 400 && unknownTag.status() < 500, unknownTag.text());
        assertEquals(400, compose(account, text("x").add("target", "LIST").add("openids",
                Json.createArrayBuilder().add(account.openids().get(0)))).status(), "a list has two or more");
        assertEquals(404, account.owner().get(path(account) + "/12ab").status());
        assertEquals(404, account.owner().get(path(account) + "/123456789").status());
        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        assertFalse(stranger.post(path(account), text("x").build()).status() < 400, "a stranger composes nothing");
        assertEquals(before, broadcasts(account), "no half-created broadcast");
    }

    private record Account(Api owner, String appid, String secret, List<Api> fans, List<String> openids) {
    }

    /** A verified account of the type with {@code followers} followers (one or more), and their openids. */
    private Account account(String type, int followers) {
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject created = owner.post("api/v1/official-accounts", Json.createObjectBuilder(
                TestData.serviceAccount(TestData.accountName("D"))).add("type", type).build()).json();
        String appid = created.getString("appid");
        TestData.verify(owner, appid);
        List<Api> fans = new ArrayList<>();
        for (int i = 0; i < followers; i++) {
            Api fan = TestData.person(new Api(base), TestData.cnPhone());
            Api.Reply followed = fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", appid).build());
            assertEquals(201, followed.status(), followed.text());
            fans.add(fan);
        }
        String secret = created.getString("secret");
        if (followers == 0) {
            return new Account(owner, appid, secret, fans, List.of());
        }
        String token = new TestData.App(owner, appid, secret).token();
        List<String> openids = owner.get("cgi-bin/user/get?access_token=" + token).json().getJsonObject("data")
                .getJsonArray("openid").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        return new Account(owner, appid, secret, fans, openids);
    }

    private Api member(Account account, String role) {
        String phone = TestData.cnPhone();
        Api member = TestData.person(new Api(base), phone);
        Api.Reply added = account.owner().post("api/v1/official-accounts/" + account.appid() + "/members",
                Json.createObjectBuilder().add("region", "CN").add("phone", phone).add("role", role).build());
        assertEquals(201, added.status(), added.text());
        return member;
    }

    private Api.Reply compose(Account account, JsonObjectBuilder request) {
        return account.owner().post(path(account), request.build());
    }

    private JsonObject finished(Account account, String id) {
        JsonObject last = Eventually.poll(Duration.ofSeconds(30), () -> account.owner().get(path(account) + "/" + id)
                .json(), b -> b.getString("status").equals("SEND_SUCCESS"));
        assertEquals("SEND_SUCCESS", last.getString("status"), last.toString());
        return last;
    }

    private long broadcasts(Account account) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM broadcast b JOIN official_account a"
                + " ON a.id = b.account_id WHERE a.app_id = ?").setParameter(1, account.appid()).getSingleResult())
                .longValue();
    }

    private static String path(Account account) {
        return BROADCASTS.formatted(account.appid());
    }

    private static JsonObjectBuilder text(String content) {
        return Json.createObjectBuilder().add("target", "ALL").add("message", Json.createObjectBuilder()
                .add("msgtype", "text").add("text", Json.createObjectBuilder().add("content", content)));
    }

    private static void assertProblem(int status, String problem, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.text());
        assertEquals(problem, reply.problem(), reply.text());
    }
}
