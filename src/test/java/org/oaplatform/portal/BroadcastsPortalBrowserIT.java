package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import me.chanjar.weixin.mp.api.WxMpService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.PortalPage;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.WeChatSdk;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The broadcasts page in headless Chromium, in English and Simplified Chinese. An operator of a service account (any
 * member composes) sees the outlook follow the target (all, then a tag; the blacklisted follower filtered), previews to
 * their own openid (the preview is in their inbox), sends to all, watches the progress reach 100 % (and the poll stop)
 * and reads the statistics with the chart, including a read made meanwhile through the client API. A subscription
 * account's owner, who does not follow it, is told to follow it before a preview, sees today's broadcast free, sends
 * it, and the second of the day is refused with WeChat's rule in both languages. Through the desk: a broadcast
 * scheduled and cancelled; with approval asked for, the composer may not approve their own, an admin rejects one with a
 * note and approves the other, which goes out. A person who is no member gets the portal's not-found. Screenshots
 * {@code broadcasts-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BroadcastsPortalBrowserIT {

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
    void anOperatorComposesPreviewsSendsAndReadsTheStatistics() throws Throwable {
        page = PortalPage.start(base, "broadcasts");
        page.run(() -> {
            Api owner = TestData.person(new Api(base), TestData.cnPhone());
            App app = TestData.verifiedServiceAccount(owner);
            List<Api> fans = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fans.add(follower(app.appid()));
            }
            String operatorPhone = TestData.cnPhone();
            Api operator = TestData.person(new Api(base), operatorPhone);
            assertEquals(201, owner.post("api/v1/official-accounts/" + app.appid() + "/members", Json
                    .createObjectBuilder().add("region", "CN").add("phone", operatorPhone).add("role", "OPERATOR")
                    .build()).status());
            assertEquals(201, operator.post("api/v1/me/following", Json.createObjectBuilder()
                    .add("appid", app.appid()).build()).status());
            WxMpService wx = WeChatSdk.forAccount(base, app);
            List<String> openids = wx.getUserService().userList(null).getOpenids();
            wx.getBlackListService().pushToBlacklist(List.of(openids.get(0)));
            long tagId = wx.getUserTagService().tagCreate("老客户").getId();
            wx.getUserTagService().batchTagging(tagId, new String[] {openids.get(0), openids.get(1)});

            page.logIn(operatorPhone);
            page.open("portal/accounts/followers.xhtml?appid=" + app.appid());
            page.clickLink(".account-nav a.broadcasts-link", "compose:send");
            assertEquals("6", page.text("compose:targeted"), "five followers and the operator");
            assertEquals("1", page.text("compose:blacklisted"));
            assertEquals("0", page.text("compose:overAllowance"));
            assertEquals("5", page.text("compose:reaching"));

            // the outlook follows the target: the tag's two, one of them blacklisted
            page.driver().findElement(By.cssSelector("label[for='compose:target:1']")).click();
            new Select(page.await("compose:tag")).selectByValue(Long.toString(tagId));
            page.wait.until(textToBe(By.id("compose:targeted"), "2"));
            assertEquals("1", page.text("compose:reaching"));
            page.screenshot("outlook-tag");
            page.driver().findElement(By.cssSelector("label[for='compose:target:0']")).click();
            page.wait.until(textToBe(By.id("compose:targeted"), "6"));

            page.type("compose:text", "双十二全场五折，今晚八点开始");
            page.click("compose:preview");
            page.assertNoErrors();
            assertTrue(page.driver().findElement(By.cssSelector("#messages .ui-messages-info")).getText()
                    .contains("preview was sent to you"));
            JsonObject preview = operator.get("api/v1/inbox").json().getJsonArray("chats").getValuesAs(JsonObject.class)
                    .stream().filter(chat -> chat.getString("kind").equals("broadcast")).findFirst().orElseThrow()
                    .getJsonObject("broadcast");
            assertEquals("双十二全场五折，今晚八点开始", preview.getJsonObject("content").getString("content"));
            page.screenshot("composer");

            page.confirm(page.await("compose:send"));
            page.assertNoErrors();
            WebElement row = page.wait.until(visibilityOfElementLocated(By.cssSelector("tr.broadcast-row")));
            assertTrue(row.getText().contains("双十二全场五折"), row.getText());
            page.wait.until(d -> d.findElement(By.cssSelector("tr.broadcast-row .broadcast-progress")).getText()
                    .contains("100%"));
            page.wait.until(textToBe(By.cssSelector("tr.broadcast-row .status"), "Sent"));
            page.wait.until(textToBe(By.id("stats:delivered"), "5"));
            page.wait.until(d -> Boolean.FALSE.equals(((JavascriptExecutor) d)
                    .executeScript("return PF('broadcastPoll').active")));
            assertEquals("6", page.text("stats:targeted"));
            assertEquals("1", page.text("stats:blacklisted"));
            assertEquals("0", page.text("stats:overAllowance"));
            show("stats:statistics");
            page.screenshot("sent");

            // a follower reads it; the statistics count the read, and the chart is drawn
            String msgId = page.driver().findElement(By.cssSelector("tr.broadcast-row .msg-id")).getText().strip();
            assertEquals(200, fans.get(2).get("api/v1/inbox/broadcasts/" + msgId).status());
            page.clickAndWait(page.driver().findElement(By.cssSelector("tr.broadcast-row .show-statistics")));
            page.wait.until(textToBe(By.id("stats:read"), "1"));
            WebElement canvas = page.driver().findElement(By.cssSelector("#stats\\:chart canvas"));
            assertTrue(canvas.getSize().getWidth() > 100 && canvas.getSize().getHeight() > 100, canvas.getSize()
                    .toString());
            show("stats:chart");
            page.screenshot("statistics");

            page.chinese("群发消息");
            assertEquals("6", page.text("compose:targeted"));
            page.click("compose:preview");
            assertTrue(page.error().contains("请先填写文字内容"), "an empty text refused in Chinese");
            show("messages");
            page.screenshot("zh-empty-refused");
            page.logOut();

            String strangerPhone = TestData.cnPhone();
            TestData.person(new Api(base), strangerPhone);
            page.logIn(strangerPhone);
            page.open("portal/accounts/broadcasts.xhtml?appid=" + app.appid());
            assertFalse(page.error().isBlank());
            assertTrue(page.rows("form[id='compose'], form[id='list'], .account-nav, tr.broadcast-row").isEmpty(),
                    "a stranger sees nothing of the account");
            page.screenshot("stranger");
        });
    }

    @Test
    void aSubscriptionAccountsSecondBroadcastOfTheDayIsRefused() throws Throwable {
        page = PortalPage.start(base, "broadcasts-subscription");
        page.run(() -> {
            String ownerPhone = TestData.cnPhone();
            Api owner = TestData.person(new Api(base), ownerPhone);
            String appid = owner.post("api/v1/official-accounts", Json.createObjectBuilder(
                    TestData.serviceAccount(TestData.accountName("Sub"))).add("type", "SUBSCRIPTION").build()).json()
                    .getString("appid");
            TestData.verify(owner, appid);
            follower(appid);
            follower(appid);

            page.logIn(ownerPhone);
            page.open("portal/accounts/broadcasts.xhtml?appid=" + appid);
            assertTrue(page.text("compose:quota").contains("still free"), page.text("compose:quota"));
            assertTrue(page.driver().findElements(By.id("compose:overAllowance")).isEmpty(),
                    "no monthly allowance for subscription accounts");
            page.type("compose:text", "今日推送");
            page.click("compose:preview");
            assertTrue(page.error().contains("follow this account first"));

            page.confirm(page.await("compose:send"));
            page.assertNoErrors();
            assertTrue(page.text("compose:quota").contains("is used"), page.text("compose:quota"));
            page.wait.until(textToBe(By.cssSelector("tr.broadcast-row .status"), "Sent"));
            page.screenshot("subscription-sent");

            page.type("compose:text", "今天第二条");
            page.confirm(page.await("compose:send"));
            String refusal = page.error();
            assertTrue(refusal.contains("one a day"), refusal);
            assertFalse(refusal.contains("Exception"), refusal);
            assertEquals(1, page.rows("tr.broadcast-row").size(), "nothing half-created");
            show("messages");
            page.screenshot("subscription-refused");

            page.chinese("群发消息");
            page.type("compose:text", "今天第二条");
            page.confirm(page.await("compose:send"));
            assertTrue(page.error().contains("每天只能群发一次"));
            show("messages");
            page.screenshot("zh-subscription-refused");
        });
    }

    @Test
    void membersScheduleAndCancelAndASecondMemberApproves() throws Throwable {
        page = PortalPage.start(base, "broadcasts-desk");
        page.run(() -> {
            String ownerPhone = TestData.cnPhone();
            Api owner = TestData.person(new Api(base), ownerPhone);
            App app = TestData.verifiedServiceAccount(owner);
            follower(app.appid());
            follower(app.appid());
            String adminPhone = TestData.cnPhone();
            TestData.person(new Api(base), adminPhone);
            assertEquals(201, owner.post("api/v1/official-accounts/" + app.appid() + "/members", Json
                    .createObjectBuilder().add("region", "CN").add("phone", adminPhone).add("role", "ADMIN")
                    .build()).status());

            page.logIn(ownerPhone);
            page.open("portal/accounts/broadcasts.xhtml?appid=" + app.appid());
            page.type("compose:text", "周末活动预告");
            WebElement when = page.await("compose:sendAt_input");
            when.sendKeys(LocalDateTime.now(ZoneOffset.UTC).plusDays(2).format(DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm")), Keys.TAB);
            page.driver().findElement(By.tagName("h1")).click();
            page.wait.until(invisibilityOfElementLocated(By.id("compose:sendAt_panel")));
            page.click("compose:schedule");
            page.assertNoErrors();
            assertTrue(info().contains("is scheduled for"), info());
            page.wait.until(textToBe(By.cssSelector("tr.broadcast-row .status"), "Scheduled"));
            assertTrue(page.cell(page.rows("tr.broadcast-row").get(0), ".send-at").startsWith("at "));
            page.screenshot("scheduled");
            page.confirm(page.rows("tr.broadcast-row").get(0).findElement(By.cssSelector("button.cancel")));
            page.wait.until(textToBe(By.cssSelector("tr.broadcast-row .status"), "Cancelled"));

            // the owner asks for approval, composes, and may not approve what they composed
            page.driver().findElement(By.cssSelector("#compose\\:approvalRequired .ui-chkbox-box")).click();
            page.wait.until(visibilityOfElementLocated(By.cssSelector(".approval-note")));
            page.type("compose:text", "需要审核的通知");
            page.confirm(page.await("compose:send"));
            assertTrue(info().contains("waits for another member"), info());
            page.wait.until(textToBe(By.cssSelector("tr.broadcast-row .status"), "Awaiting approval"));
            page.clickAndWait(page.rows("tr.broadcast-row").get(0).findElement(By.cssSelector("button.approve")));
            assertTrue(page.error().contains("Another member approves"), page.error());
            show("messages");
            page.screenshot("approval-refused-to-composer");
            page.type("compose:text", "还要改的通知");
            page.confirm(page.await("compose:send"));
            page.wait.until(d -> page.rows("tr.broadcast-row.status-PENDING_APPROVAL").size() == 2);
            page.logOut();

            page.logIn(adminPhone);
            page.open("portal/accounts/broadcasts.xhtml?appid=" + app.appid());
            assertTrue(page.cell(page.rows("tr.broadcast-row").get(0), ".composed-by").contains("by"));
            page.type("list:rejectNote", "活动改期");
            page.confirm(page.rows("tr.broadcast-row").get(0).findElement(By.cssSelector("button.reject")));
            page.wait.until(textToBe(By.cssSelector("tr.broadcast-row .status"), "Rejected"));
            assertEquals("活动改期", page.cell(page.rows("tr.broadcast-row").get(0), ".decision-note"));
            page.clickAndWait(page.rows("tr.broadcast-row.status-PENDING_APPROVAL").get(0)
                    .findElement(By.cssSelector("button.approve")));
            page.assertNoErrors();
            assertTrue(info().contains("approved"), info());
            page.wait.until(d -> page.rows("tr.broadcast-row.status-SEND_SUCCESS").size() == 1);
            WebElement approved = page.rows("tr.broadcast-row.status-SEND_SUCCESS").get(0);
            assertTrue(page.cell(approved, ".summary").contains("需要审核的通知"));
            assertTrue(page.cell(approved, ".broadcast-progress").contains("100%"));
            assertEquals("2 of 2", page.cell(approved, ".delivered"));
            page.screenshot("approved");
        });
    }

    private String info() {
        return page.wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-info"))).getText();
    }

    /** Scrolls the element into the screenshot's view. */
    private void show(String id) {
        ((JavascriptExecutor) page.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                page.await(id));
    }

    private Api follower(String appid) {
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", appid).build())
                .status());
        return fan;
    }
}
