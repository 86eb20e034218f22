package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
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
import org.oaplatform.testsupport.PortalBrowser;
import org.oaplatform.testsupport.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inbox page in headless Chromium, in English and Simplified Chinese: an operator of the account (not its owner)
 * sees a follower's conversation with its unread count and window, answers until the window's five messages are used,
 * sees the reply box replaced by the reason, and, when the window was spent elsewhere meanwhile (through the API),
 * gets the window's refusal on the page. The follower reads the answers through the client API. A person who is no
 * member gets the portal's not-found. Screenshots go to {@code oa.screenshots} as {@code inbox-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboxPortalBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private PortalBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOperatorAnswersInsideTheWindowAndThePageObeysIt() throws Throwable {
        browser = PortalBrowser.start(base, "inbox");
        driver = browser.driver();
        wait = browser.waiting();
        try {
            answer();
        } catch (Throwable failure) {
            browser.keepEvidence();
            throw failure;
        }
    }

    private void answer() throws Exception {
        Api api = new Api(base);
        Api owner = TestData.person(api, TestData.cnPhone());
        Reply created = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Inbox")));
        assertEquals(201, created.status(), created.text());
        String appid = created.json().getString("appid");
        String operatorPhone = TestData.cnPhone();
        TestData.person(api, operatorPhone);
        assertEquals(201, owner.post("api/v1/official-accounts/" + appid + "/members", Json.createObjectBuilder()
                .add("region", "CN").add("phone", operatorPhone).add("role", "OPERATOR").build()).status());
        Api fan = TestData.person(api, TestData.cnPhone());
        assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", appid).build())
                .status());
        TestData.person(api, TestData.cnPhone()).post("api/v1/me/following",
                Json.createObjectBuilder().add("appid", appid).build());
        write(fan, appid, "在吗");
        write(fan, appid, "你们几点营业？");

        browser.logIn(operatorPhone, TestData.PASSWORD);
        browser.open("portal/accounts/followers.xhtml?appid=" + appid);
        wait.until(visibilityOfElementLocated(By.cssSelector(".account-nav a.inbox-link"))).click();
        WebElement row = wait.until(visibilityOfElementLocated(By.cssSelector("tr.conversation-row")));
        assertEquals(1, driver.findElements(By.cssSelector("tr.conversation-row")).size(),
                "a follower who never wrote has no conversation");
        assertEquals("2", row.findElement(By.cssSelector(".unread-badge")).getText().strip());
        assertEquals("你们几点营业？", row.findElement(By.cssSelector(".preview")).getText().strip());
        assertTrue(row.findElement(By.cssSelector(".service-window")).getText().startsWith("5 left until"),
                row.getText());
        browser.screenshot("list");

        click(row.findElement(By.cssSelector("a.conversation-open")));
        assertEquals(List.of("在吗", "你们几点营业？"), texts(".message.in .message-text"));
        assertTrue(driver.findElements(By.cssSelector(".unread-badge")).isEmpty(), "opening it read it");
        for (int i = 1; i <= 5; i++) {
            type("inbox:reply", "您好，9:00–18:00 营业（" + i + "）");
            click(driver.findElement(By.id("inbox:send")));
            assertNoErrors();
        }
        assertEquals(5, texts(".message.out .message-text").size());
        assertTrue(driver.findElements(By.id("inbox:reply")).isEmpty(), "no reply box once the window is spent");
        assertTrue(driver.findElement(By.id("inbox:replyClosed")).getText().contains("used up"));
        browser.screenshot("spent");
        List<String> answers = fan.get("api/v1/conversations/" + appid + "/messages?limit=50").json()
                .getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("direction").equals("out"))
                .map(m -> m.getJsonObject("content").getString("content")).toList();
        assertEquals(5, answers.size(), answers.toString());
        assertEquals("您好，9:00–18:00 营业（5）", answers.get(0));

        // In Chinese: the follower writes again, the page shows the window open; meanwhile the window is spent
        // through the API, and the page's send gets the window's refusal instead of a stale success.
        WebElement chinese = driver.findElement(By.id("language:zh"));
        chinese.click();
        browser.awaitGone(chinese);
        wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertEquals("消息管理", driver.findElement(By.tagName("h1")).getText().strip());
        write(fan, appid, "谢谢，还有一个问题");
        click(driver.findElement(By.id("inbox:refresh")));
        wait.until(visibilityOfElementLocated(By.id("inbox:reply")));
        assertTrue(driver.findElement(By.cssSelector(".thread-heading .service-window")).getText()
                .startsWith("还可回复 5 条"));
        String openid = driver.findElement(By.cssSelector(".thread-heading .openid")).getText().strip();
        for (int i = 0; i < 5; i++) {
            Reply sent = owner.post("api/v1/official-accounts/" + appid + "/conversations/" + openid + "/messages",
                    Json.createObjectBuilder().add("type", "text").add("content", "店主回复 " + i).build());
            assertEquals(201, sent.status(), sent.text());
        }
        type("inbox:reply", "迟到的回复");
        click(driver.findElement(By.id("inbox:send")));
        String refusal = wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-error")))
                .getText();
        assertTrue(refusal.contains("回复次数已用完"), refusal);
        assertFalse(refusal.contains("Exception"), refusal);
        browser.screenshot("zh-refused");
        browser.logOut();

        String strangerPhone = TestData.cnPhone();
        TestData.person(api, strangerPhone);
        browser.logIn(strangerPhone, TestData.PASSWORD);
        browser.open("portal/accounts/inbox.xhtml?appid=" + appid + "&openid=" + openid);
        WebElement notFound = wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-error")));
        assertFalse(notFound.getText().isBlank());
        assertTrue(driver.findElements(By.cssSelector("form[id='inbox'], .account-nav, .message")).isEmpty(),
                "a stranger sees nothing of the account");
        browser.screenshot("stranger");
    }

    private static void write(Api fan, String appid, String text) {
        Reply sent = fan.post("api/v1/conversations/" + appid + "/messages",
                Json.createObjectBuilder().add("type", "text").add("content", text).build());
        assertEquals(201, sent.status(), sent.text());
    }

    private void click(WebElement control) {
        browser.clickAndAwaitUpdate(control);
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
    }

    private void assertNoErrors() {
        List<WebElement> errors = driver.findElements(By.cssSelector("#messages .ui-messages-error"));
        assertTrue(errors.isEmpty(), () -> "an error is shown: " + errors.get(0).getText());
    }
}
