package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.DeveloperServerStub;
import org.oaplatform.portal.accounts.DeliveriesBacking;
import org.oaplatform.testsupport.DeveloperServerStub.Answer;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.PortalPage;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The developer settings, the delivery log and the auto-replies pages in headless Chromium, in English and Simplified
 * Chinese, against a developer server stub written with WxJava. Settings: a server that does not echo is refused with
 * the reason and nothing is saved, one that echoes is saved with a generated EncodingAESKey; the AppSecret reset shows
 * the new secret once and the old one gets no token; a whitelist with one bad line is refused at the field and changes
 * nothing. Log: a follower's message sent through the client API is listed with its MsgId, expanded to its XML, and
 * replayed with the same MsgId; older attempts are one page further. Auto-replies: a rule made in the portal answers a
 * follower; a refused rule saves nothing. Operators read, strangers get not-found. Screenshots {@code developer-*},
 * {@code deliveries-*}, {@code auto-replies-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeveloperPortalBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private PortalPage page;

    @AfterEach
    void stopBrowser() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void ownerVerifiesTheServerResetsTheSecretOnceAndEditsTheWhitelist() throws Throwable {
        page = PortalPage.start(base, "developer");
        page.run(() -> {
            String ownerPhone = TestData.cnPhone();
            Api owner = TestData.person(new Api(base), ownerPhone);
            JsonObject created = owner.post("api/v1/official-accounts",
                    TestData.serviceAccount(TestData.accountName("Dev"))).json();
            App app = new App(owner, created.getString("appid"), created.getString("secret"));
            try (DeveloperServerStub stub = DeveloperServerStub.start(app.appid())) {
                stub.handshake(query -> Answer.of("hello"));
                page.logIn(ownerPhone);
                page.open("portal/accounts/menus.xhtml?appid=" + app.appid());
                page.clickLink(".account-nav a.developer-link", "server:save");
                assertEquals(app.appid(), page.text("secret:appid"));

                // A server that answers the handshake without the echostr: refused, nothing saved.
                page.type("server:url", stub.url());
                page.type("server:token", stub.config().getToken());
                page.click("server:save");
                String refusal = page.error();
                assertTrue(refusal.contains("echostr"), refusal);
                assertFalse(refusal.contains("Exception"), refusal);
                page.screenshot("no-echo");
                assertEquals(404, owner.get("api/v1/official-accounts/" + app.appid() + "/server").status());

                // The same server echoing, in safe mode with a key generated on the page: saved.
                stub.handshake(query -> Answer.of(query.get("echostr")));
                page.click("server:generateKey");
                String key = page.driver().findElement(By.id("server:aesKey")).getDomProperty("value");
                assertTrue(key.matches("[A-Za-z0-9]{43}"), key);
                new Select(page.driver().findElement(By.id("server:mode"))).selectByValue("SAFE");
                page.click("server:save");
                page.assertNoErrors();
                assertTrue(page.driver().findElement(By.id("server:state")).getText().contains("Enabled"));
                page.screenshot("server-saved");
                JsonObject server = owner.get("api/v1/official-accounts/" + app.appid() + "/server").json();
                assertEquals(stub.url(), server.getString("url"));
                assertEquals("SAFE", server.getString("mode"));
                assertEquals(key.substring(0, 2) + "****" + key.substring(41), server.getString("encodingAesKey"));
            }

            // The secret: a new one shown once; the old one gets no token any more.
            page.confirm(page.driver().findElement(By.id("secret:reset")));
            String secret = page.text("secret:value");
            assertTrue(secret.matches("[0-9a-f]{32}"), secret);
            assertNotEquals(app.secret(), secret);
            assertTrue(page.driver().findElement(By.id("warning")).isDisplayed());
            page.screenshot("secret-reset");
            assertNotEquals(0, owner.get("cgi-bin/token?grant_type=client_credential&appid=" + app.appid()
                    + "&secret=" + app.secret()).errcode());
            new App(owner, app.appid(), secret).token();
            page.driver().navigate().refresh();
            page.await("server:save");
            assertTrue(page.driver().findElements(By.id("secret:value")).isEmpty(), "the secret is shown once");

            // The whitelist: one bad line refuses all of it, at the field; fixed, it is saved.
            page.type("whitelist:addresses", "203.0.113.7\n198.51.100.0/24\n198.51.100.9");
            page.click("whitelist:save");
            String inline = page.await("whitelist:addressesMessage").getText();
            assertTrue(inline.contains("198.51.100.0/24"), inline);
            page.screenshot("whitelist-refused");
            assertEquals(List.of(), whitelist(owner, app.appid()));
            page.type("whitelist:addresses", "203.0.113.7\n\n198.51.100.9\n");
            page.click("whitelist:save");
            page.assertNoErrors();
            assertEquals(List.of("198.51.100.9", "203.0.113.7"), whitelist(owner, app.appid()));

            page.chinese("开发设置");
            page.type("whitelist:addresses", "not-an-address");
            page.click("whitelist:save");
            assertTrue(page.error().contains("白名单未保存"));
            page.screenshot("zh-whitelist-refused");
        });
    }

    @Test
    void aFollowersMessageIsInTheDeliveryLogAndIsReplayedWithItsMsgId() throws Throwable {
        page = PortalPage.start(base, "deliveries");
        page.run(() -> {
            String ownerPhone = TestData.cnPhone();
            App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), ownerPhone));
            try (DeveloperServerStub stub = DeveloperServerStub.start(app.appid())) {
                stub.connect(app, "PLAIN");
                Api follower = follower(app);
                stub.await(1); // the subscribe event
                for (int i = 1; i <= 20; i++) {
                    send(follower, app, "message " + i);
                }
                String msgId = send(follower, app, "hello log");
                stub.await(22);
                Eventually.poll(Duration.ofSeconds(30), () -> deliveries(app), d -> d.size() == 22);

                page.logIn(ownerPhone);
                page.open("portal/accounts/deliveries.xhtml?appid=" + app.appid());
                List<WebElement> rows = page.rows("[id='deliveries:log'] tr.delivery-row");
                assertEquals(DeliveriesBacking.PAGE, rows.size());
                WebElement newest = rows.get(0);
                assertEquals("text", page.cell(newest, ".delivery-event"));
                assertEquals(msgId, page.cell(newest, ".delivery-msgid"));
                assertEquals("Delivered", page.cell(newest, ".delivery-outcome"));
                assertEquals("200", page.cell(newest, ".delivery-status"));
                newest.findElement(By.cssSelector(".ui-row-toggler")).click();
                String request = page.wait.until(visibilityOfElementLocated(By.cssSelector("pre.delivery-request")))
                        .getText();
                assertTrue(request.contains("hello log") && request.contains(msgId), request);
                page.screenshot("expanded");

                page.click("deliveries:older");
                List<WebElement> older = page.rows("[id='deliveries:log'] tr.delivery-row");
                assertEquals(2, older.size());
                assertEquals("event:subscribe", page.cell(older.get(1), ".delivery-event"));
                page.screenshot("older");
                page.click("deliveries:newest");

                page.clickAndWait(page.rows("[id='deliveries:log'] tr.delivery-row").get(0)
                        .findElement(By.cssSelector("button.delivery-replay")));
                page.assertNoErrors();
                assertEquals(Long.parseLong(msgId), stub.await(23).message().getMsgId(), "the same MsgId");
                Eventually.poll(Duration.ofSeconds(30), () -> deliveries(app), d -> d.size() == 23);

                // Read again (the language switch keeps the view): the replay is the newest attempt, delivered.
                page.chinese("推送日志");
                page.open("portal/accounts/deliveries.xhtml?appid=" + app.appid());
                List<WebElement> latest = page.rows("[id='deliveries:log'] tr.delivery-row");
                assertEquals(List.of(msgId, msgId), List.of(page.cell(latest.get(0), ".delivery-msgid"),
                        page.cell(latest.get(1), ".delivery-msgid")));
                assertEquals("已送达", page.cell(latest.get(0), ".delivery-outcome"));
                assertEquals("已送达", page.cell(latest.get(0), ".delivery-state"));
                page.screenshot("zh-replayed");
            }
        });
    }

    @Test
    void aRuleMadeInThePortalAnswersAFollowerAndARefusedOneSavesNothing() throws Throwable {
        page = PortalPage.start(base, "auto-replies");
        page.run(() -> {
            String ownerPhone = TestData.cnPhone();
            App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), ownerPhone));
            Api follower = follower(app);
            page.logIn(ownerPhone);
            page.open("portal/accounts/auto-replies.xhtml?appid=" + app.appid());
            page.click("autoReplies:newRule");
            page.type("autoReplies:name", "Opening hours");
            page.type("autoReplies:replies:0:value", "9:00–18:00");
            page.click("autoReplies:addReply");
            new Select(page.driver().findElement(By.id("autoReplies:replies:1:type"))).selectByValue("IMAGE");
            page.type("autoReplies:replies:1:value", "med_doesnotexist");

            // A keyword left empty, then a media id the account does not have: refused, nothing saved.
            page.click("autoReplies:save");
            assertTrue(page.error().contains("keyword is required"));
            page.type("autoReplies:keywords:0:keyword", "hours");
            new Select(page.driver().findElement(By.id("autoReplies:keywords:0:match"))).selectByValue("CONTAINS");
            page.click("autoReplies:save");
            assertTrue(page.error().contains("No such media"));
            page.screenshot("media-refused");
            assertEquals(0, rules(app).size());

            page.click("autoReplies:replies:1:remove");
            page.click("autoReplies:addReply");
            page.type("autoReplies:replies:1:value", "See you!");
            page.click("autoReplies:save");
            page.assertNoErrors();
            WebElement rule = page.rows("[id='autoReplies:rules'] tr.rule-row").get(0);
            assertEquals("hours (contains)", page.cell(rule, ".rule-keywords"));
            page.screenshot("rule-saved");
            assertEquals(List.of("9:00–18:00", "See you!"), answers(follower, app, "What are your opening HOURS?"));

            // Edited: a higher priority, a second keyword matched exactly, one reply less; the rule is replaced whole.
            page.clickAndWait(page.rows("[id='autoReplies:rules'] tr.rule-row").get(0)
                    .findElement(By.cssSelector("button.rule-edit")));
            assertEquals("hours", page.await("autoReplies:keywords:0:keyword").getDomProperty("value"));
            page.type("autoReplies:priority", "5");
            page.click("autoReplies:addKeyword");
            page.type("autoReplies:keywords:1:keyword", "open");
            page.click("autoReplies:replies:1:remove");
            page.click("autoReplies:save");
            page.assertNoErrors();
            JsonObject edited = rules(app).getJsonObject(0);
            assertEquals(5, edited.getInt("priority"));
            assertEquals("EXACT", edited.getJsonArray("keywords").getJsonObject(1).getString("match"));
            assertEquals(1, edited.getJsonArray("replies").size());
            assertEquals(List.of("9:00–18:00"), answers(follower, app, "open"));

            // In Chinese: a default reply, which answers what no keyword does.
            page.chinese("自动回复");
            page.click("autoReplies:editDefault");
            page.type("autoReplies:name", "默认");
            page.type("autoReplies:replies:0:value", "您好，稍后回复您。");
            page.click("autoReplies:save");
            page.assertNoErrors();
            assertEquals("您好，稍后回复您。", page.text("autoReplies:default").lines()
                    .filter(l -> l.contains("您好")).findFirst().orElse("").strip());
            page.screenshot("zh-default");
            assertEquals(List.of("您好，稍后回复您。"), answers(follower, app, "随便说说"));

            // Deleting the keyword rule: the default answers the keyword now.
            page.confirm(page.rows("[id='autoReplies:rules'] tr.rule-row").get(0)
                    .findElement(By.cssSelector("button.rule-delete")));
            page.assertNoErrors();
            assertEquals(1, rules(app).size());
            assertEquals(List.of("您好，稍后回复您。"), answers(follower, app, "hours"));
        });
    }

    @Test
    void operatorsReadWithoutControlsAndStrangersGetNotFound() throws Throwable {
        page = PortalPage.start(base, "developer-roles");
        page.run(() -> {
            App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
            String operatorPhone = TestData.cnPhone();
            TestData.person(new Api(base), operatorPhone);
            Reply added = app.owner().post("api/v1/official-accounts/" + app.appid() + "/members",
                    Json.createObjectBuilder().add("phone", operatorPhone).add("role", "OPERATOR").build());
            assertEquals(201, added.status(), added.text());
            page.logIn(operatorPhone);
            page.open("portal/accounts/developer.xhtml?appid=" + app.appid());
            page.await("serverReadOnly");
            page.assertNoErrors();
            assertTrue(page.driver().findElements(By.cssSelector("[id='secret:reset'], [id='server:save'],"
                    + " [id='whitelist:save']")).isEmpty());
            page.screenshot("operator");
            page.open("portal/accounts/auto-replies.xhtml?appid=" + app.appid());
            page.await("autoReplies:rules");
            assertTrue(page.driver().findElements(By.id("autoReplies:newRule")).isEmpty());
            page.open("portal/accounts/deliveries.xhtml?appid=" + app.appid());
            page.await("deliveries:log");
            page.assertNoErrors();
            page.logOut();

            String strangerPhone = TestData.cnPhone();
            TestData.person(new Api(base), strangerPhone);
            page.logIn(strangerPhone);
            for (String path : List.of("developer", "deliveries", "auto-replies")) {
                page.open("portal/accounts/" + path + ".xhtml?appid=" + app.appid());
                assertFalse(page.error().isBlank());
                assertTrue(page.driver().findElements(By.cssSelector(".account-nav, form[id='secret'],"
                        + " form[id='deliveries'], form[id='autoReplies']")).isEmpty(), path + " shows the account");
                page.screenshot("stranger-" + path);
            }
        });
    }

    private Api follower(App app) {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        Reply followed = person.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid())
                .build());
        assertEquals(201, followed.status(), followed.text());
        return person;
    }

    /** Sends a text as the follower; its id is the push's MsgId. */
    private static String send(Api follower, App app, String text) {
        Reply sent = follower.post("api/v1/conversations/" + app.appid() + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", text).build());
        assertEquals(201, sent.status(), sent.text());
        return sent.json().getString("id");
    }

    /** What the account answered to {@code text}, oldest first, read through the client API. */
    private static List<String> answers(Api follower, App app, String text) {
        send(follower, app, text);
        JsonArray messages = follower.get("api/v1/conversations/" + app.appid() + "/messages?limit=20").json()
                .getJsonArray("messages");
        List<String> answers = new java.util.ArrayList<>();
        for (JsonObject m : messages.getValuesAs(JsonObject.class)) {
            if (m.getString("direction").equals("in")) {
                break;
            }
            answers.add(0, m.getJsonObject("content").getString("content", m.getString("type")));
        }
        return answers;
    }

    private static JsonArray deliveries(App app) {
        return app.owner().get("api/v1/official-accounts/" + app.appid() + "/deliveries?limit=100").json()
                .getJsonArray("deliveries");
    }

    private static JsonArray rules(App app) {
        return app.owner().get("api/v1/official-accounts/" + app.appid() + "/auto-replies").json()
                .getJsonArray("rules");
    }

    private static List<String> whitelist(Api owner, String appid) {
        return owner.get("api/v1/official-accounts/" + appid).json().getJsonArray("ipWhitelist")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }
}
