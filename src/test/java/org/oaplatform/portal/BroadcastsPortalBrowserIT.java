package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The broadcasts page in headless Chromium, in English and Simplified Chinese. An operator of a service account (any
 * member composes) sees the outlook follow the target (all, then a tag; the blacklisted follower filtered), previews
 * to their own openid (the preview is in their inbox), sends to all, watches the progress reach 100 % and reads the
 * statistics with the chart, including a read made meanwhile through the client API. A subscription account's owner,
 * who does not follow it, is told to follow it before a preview, sees today's broadcast free, sends it, and the
 * second of the day is refused with WeChat's rule in both languages. A person who is no member gets the portal's
 * not-found. Screenshots {@code broadcasts-*}.
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
            JsonObject preview = operator.get("api/v1/inbox").json().getJsonArray("broadcasts").getJsonObject(0);
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
            assertEquals("6", page.text("stats:targeted"));
            assertEquals("1", page.text("stats:blacklisted"));
            assertEquals("0", page.text("stats:overAllowance"));
            page.screenshot("sent");

            // a follower reads it; the statistics count the read, and the chart is drawn
            String msgId = page.driver().findElement(By.cssSelector("tr.broadcast-row .msg-id")).getText().strip();
            assertEquals(200, fans.get(2).get("api/v1/inbox/broadcasts/" + msgId).status());
            page.clickAndWait(page.driver().findElement(By.cssSelector("tr.broadcast-row .show-statistics")));
            page.wait.until(textToBe(By.id("stats:read"), "1"));
            WebElement canvas = page.driver().findElement(By.cssSelector("#stats\\:chart canvas"));
            assertTrue(canvas.getSize().getWidth() > 100 && canvas.getSize().getHeight() > 100, canvas.getSize()
                    .toString());
            page.screenshot("statistics");

            page.chinese("群发消息");
            assertEquals("6", page.text("compose:targeted"));
            page.click("compose:preview");
            assertTrue(page.error().contains("请先填写文字内容"), "an empty text refused in Chinese");
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
            page.screenshot("subscription-refused");

            page.chinese("群发消息");
            page.type("compose:text", "今天第二条");
            page.confirm(page.await("compose:send"));
            assertTrue(page.error().contains("每天只能群发一次"));
            page.screenshot("zh-subscription-refused");
        });
    }

    private Api follower(String appid) {
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", appid).build())
                .status());
        return fan;
    }
}
