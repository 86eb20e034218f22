package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.PortalBrowser;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages of one official account in headless Chromium: the owner of a verified service account (registered through
 * the client API, with three followers who followed through it) finds its followers from "My official accounts",
 * sets a remark and searches by it and by openid, creates a tag and puts it on a follower, blacklists another,
 * creates a permanent QR code and downloads its picture; a person scans the code through the client API and the QR
 * page then counts one scan and one follow. The page is seen once in Simplified Chinese. An operator of another
 * account is refused all three pages of this one. Screenshots go to {@code oa.screenshots} as {@code followers-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FollowersPortalBrowserIT {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private PortalBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = PortalBrowser.start(base, "followers");
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void ownerManagesFollowersTagsAndQrCodesOthersMayNot() throws Throwable {
        try {
            walkThrough();
        } catch (Throwable failure) {
            browser.keepEvidence();
            throw failure;
        }
    }

    private void walkThrough() throws Exception {
        Api api = new Api(base);
        String ownerPhone = TestData.cnPhone();
        App app = TestData.verifiedServiceAccount(TestData.person(api, ownerPhone));
        String appid = app.appid();
        for (int i = 0; i < 3; i++) {
            Reply followed = TestData.person(api, TestData.cnPhone()).post("api/v1/me/following",
                    Json.createObjectBuilder().add("appid", appid).build());
            assertEquals(201, followed.status(), followed.text());
        }

        // From "My official accounts" to the account's followers: three, oldest first.
        browser.open("portal/");
        browser.logIn(ownerPhone, TestData.PASSWORD);
        WebElement account = wait.until(visibilityOfElementLocated(accountRow(appid)));
        account.findElement(By.cssSelector("a.followers-link")).click();
        wait.until(visibilityOfElementLocated(By.id("followers:list")));
        List<String> openids = openidsShown();
        assertEquals(3, openids.size(), openids.toString());
        assertTrue(driver.findElement(By.id("followers:total")).getText().contains("3"),
                driver.findElement(By.id("followers:total")).getText());
        assertTrue(driver.findElement(By.id("followers:previous")).getDomAttribute("disabled") != null);
        assertTrue(driver.findElement(By.id("followers:next")).getDomAttribute("disabled") != null);
        browser.screenshot("followers");
        String first = openids.get(0);
        String second = openids.get(1);

        // A remark, then a search by its beginning (any letter case) and one by the beginning of an openid.
        WebElement row = driver.findElement(followerRow(first));
        row.findElement(By.cssSelector("input.remark-input")).sendKeys("VIP Zhang");
        browser.clickAndAwaitUpdate(row.findElement(By.cssSelector("button.remark-save")));
        assertNoErrors();
        assertEquals("VIP Zhang", wait.until(visibilityOfElementLocated(followerRow(first)))
                .findElement(By.cssSelector("input.remark-input")).getDomProperty("value"));
        search("vip");
        assertEquals(List.of(first), openidsShown());
        browser.screenshot("search-remark");
        search(second.substring(0, 12));
        assertEquals(List.of(second), openidsShown());
        search("");
        assertEquals(openids, openidsShown());

        // The tags page: the starred group cannot be changed; a new tag; WeChat's limit on names as a message.
        driver.findElement(By.cssSelector(".account-nav a.tags-link")).click();
        WebElement name = wait.until(visibilityOfElementLocated(By.id("tags:name")));
        List<WebElement> system = driver.findElements(By.cssSelector("[id='tags:list'] tr.system-tag"));
        assertEquals(1, system.size());
        assertTrue(system.get(0).findElements(By.cssSelector(".tag-delete, .rename-input")).isEmpty());
        name.sendKeys("Gold");
        browser.clickAndAwaitUpdate(driver.findElement(By.id("tags:create")));
        assertNoErrors();
        WebElement gold = wait.until(visibilityOfElementLocated(tagRow("Gold")));
        assertEquals("0", gold.findElement(By.cssSelector("td.tag-count")).getText().strip());
        browser.screenshot("tags");
        driver.findElement(By.id("tags:name")).sendKeys("x".repeat(31));
        browser.clickAndAwaitUpdate(driver.findElement(By.id("tags:create")));
        wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-error")));
        browser.screenshot("tags-name-too-long");

        // Back to the followers: tag the first, blacklist the second.
        driver.findElement(By.cssSelector(".account-nav a.followers-link")).click();
        row = wait.until(visibilityOfElementLocated(followerRow(first)));
        new Select(row.findElement(By.cssSelector("select.tag-select"))).selectByVisibleText("Gold");
        browser.clickAndAwaitUpdate(row.findElement(By.cssSelector("button.tag-add")));
        assertNoErrors();
        row = wait.until(visibilityOfElementLocated(followerRow(first)));
        assertEquals(List.of("Gold"), row.findElements(By.cssSelector(".tag-chip .tag-chip-name")).stream()
                .map(e -> e.getText().strip()).toList());
        browser.clickAndAwaitUpdate(driver.findElement(followerRow(second))
                .findElement(By.cssSelector("button.blacklist-toggle")));
        assertNoErrors();
        WebElement blacklisted = wait.until(visibilityOfElementLocated(followerRow(second)));
        assertFalse(blacklisted.findElements(By.cssSelector(".blacklisted-badge")).isEmpty(), blacklisted.getText());
        assertTrue(driver.findElement(followerRow(first)).findElements(By.cssSelector(".blacklisted-badge")).isEmpty());
        browser.screenshot("tagged-and-blacklisted");

        // What the developer API sees is what the portal did.
        String token = app.token();
        JsonObject info = app.owner().get("cgi-bin/user/info?access_token=" + token + "&openid=" + first).json();
        assertEquals("VIP Zhang", info.getString("remark"), info.toString());
        assertEquals(1, info.getJsonArray("tagid_list").size(), info.toString());
        String blacklist = app.owner().post("cgi-bin/tags/members/getblacklist?access_token=" + token, "{}",
                "application/json").text();
        assertTrue(blacklist.contains(second) && !blacklist.contains(first), blacklist);
        driver.findElement(By.cssSelector(".account-nav a.tags-link")).click();
        assertEquals("1", wait.until(visibilityOfElementLocated(tagRow("Gold")))
                .findElement(By.cssSelector("td.tag-count")).getText().strip());

        // A permanent QR code with a scene string, and its picture.
        driver.findElement(By.cssSelector(".account-nav a.qrcodes-link")).click();
        new Select(wait.until(visibilityOfElementLocated(By.id("qr:kind")))).selectByValue("PERMANENT");
        String scene = "door-" + TestData.digits(4);
        driver.findElement(By.id("qr:sceneStr")).sendKeys(scene);
        browser.clickAndAwaitUpdate(driver.findElement(By.id("qr:create")));
        assertNoErrors();
        WebElement code = wait.until(visibilityOfElementLocated(qrRow(scene)));
        assertEquals("0", code.findElement(By.cssSelector("td.qr-scans")).getText().strip());
        assertEquals("0", code.findElement(By.cssSelector("td.qr-follows")).getText().strip());
        browser.screenshot("qr-created");
        String picture = code.findElement(By.cssSelector("a.qr-download")).getDomProperty("href");
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(picture))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode(), picture);
        assertTrue(png.headers().firstValue("Content-Type").orElse("").startsWith("image/png"),
                png.headers().toString());
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png.body(), PNG_SIGNATURE.length));

        // Someone scans it with the app and follows; the page counts one scan and one follow.
        String content = code.findElement(By.cssSelector(".qr-url")).getText().strip();
        Reply scanned = TestData.person(api, TestData.cnPhone()).post("api/v1/qr-scans",
                Json.createObjectBuilder().add("content", content).build());
        assertEquals(201, scanned.status(), scanned.text());
        assertEquals("SUBSCRIBE", scanned.json().getString("outcome"));
        browser.clickAndAwaitUpdate(driver.findElement(By.id("qr:refresh")));
        code = wait.until(visibilityOfElementLocated(qrRow(scene)));
        assertEquals("1", code.findElement(By.cssSelector("td.qr-scans")).getText().strip());
        assertEquals("1", code.findElement(By.cssSelector("td.qr-follows")).getText().strip());
        browser.screenshot("qr-scanned");

        // The new follower came by the code; the followers page once in Simplified Chinese.
        driver.findElement(By.cssSelector(".account-nav a.followers-link")).click();
        wait.until(visibilityOfElementLocated(By.id("followers:list")));
        assertEquals(4, openidsShown().size());
        assertFalse(driver.findElements(By.xpath("//*[@id='followers:list']//span[" + hasClass("qr-scene")
                + " and normalize-space()='" + scene + "']")).isEmpty(), "the QR scene of the new follower");
        WebElement chinese = driver.findElement(By.id("language:zh"));
        chinese.click();
        browser.awaitGone(chinese);
        wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        String title = driver.findElement(By.tagName("h1")).getText();
        assertTrue(title.contains("粉丝"), title);
        assertEquals(4, openidsShown().size());
        browser.screenshot("followers-zh");
        browser.logOut();

        // An operator of another account: their own account's followers page opens; this account's pages do not.
        String operatorPhone = TestData.cnPhone();
        TestData.person(api, operatorPhone);
        Api otherOwner = TestData.person(api, TestData.cnPhone());
        String otherAppid = otherOwner.post("api/v1/official-accounts",
                TestData.serviceAccount(TestData.accountName("Other"))).json().getString("appid");
        Reply added = otherOwner.post("api/v1/official-accounts/" + otherAppid + "/members",
                Json.createObjectBuilder().add("phone", operatorPhone).add("role", "OPERATOR").build());
        assertEquals(201, added.status(), added.text());
        browser.logIn(operatorPhone, TestData.PASSWORD);
        browser.open("portal/accounts/followers.xhtml?appid=" + otherAppid);
        wait.until(visibilityOfElementLocated(By.id("followers:list")));
        assertNoErrors();
        browser.screenshot("operator-own-account");
        for (String page : List.of("followers", "tags", "qrcodes")) {
            browser.open("portal/accounts/" + page + ".xhtml?appid=" + appid);
            WebElement refusal = wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-error")));
            assertFalse(refusal.getText().isBlank());
            assertTrue(driver.findElements(By.cssSelector("form[id='followers'], form[id='tags'], form[id='qr']"))
                    .isEmpty(), page + " shows a form");
            assertFalse(driver.getPageSource().contains(first), page + " shows a follower");
            if (page.equals("followers")) {
                browser.screenshot("operator-refused");
            }
        }
    }

    /** Searches the followers (an empty text lists them all) and waits for the table to show the result. */
    private void search(String text) {
        WebElement input = driver.findElement(By.id("followers:search"));
        input.clear();
        input.sendKeys(text);
        browser.clickAndAwaitUpdate(driver.findElement(By.id("followers:searchButton")));
        assertNoErrors();
        wait.until(visibilityOfElementLocated(By.id("followers:list")));
    }

    private List<String> openidsShown() {
        List<String> openids = new ArrayList<>();
        for (WebElement openid : driver.findElements(By.cssSelector("[id='followers:list'] tr.follower-row .openid"))) {
            openids.add(openid.getText().strip());
        }
        return openids;
    }

    private void assertNoErrors() {
        List<WebElement> errors = driver.findElements(By.cssSelector("#messages .ui-messages-error"));
        assertTrue(errors.isEmpty(), () -> "an error is shown: " + errors.get(0).getText());
    }

    private static By accountRow(String appid) {
        return By.xpath("//*[@id='accounts']//tr[.//span[" + hasClass("appid") + " and normalize-space()='" + appid
                + "']]");
    }

    private static By followerRow(String openid) {
        return By.xpath("//*[@id='followers:list']//tr[" + hasClass("follower-row") + "][.//span[" + hasClass("openid")
                + " and normalize-space()='" + openid + "']]");
    }

    private static By tagRow(String name) {
        return By.xpath("//*[@id='tags:list']//tr[" + hasClass("tag-row") + "][.//input[" + hasClass("rename-input")
                + " and @value='" + name + "']]");
    }

    private static By qrRow(String scene) {
        return By.xpath("//*[@id='qr:list']//tr[" + hasClass("qr-row") + "][.//span[" + hasClass("qr-scene")
                + " and normalize-space()='" + scene + "']]");
    }

    private static String hasClass(String styleClass) {
        return "contains(concat(' ', normalize-space(@class), ' '), ' " + styleClass + " ')";
    }
}
