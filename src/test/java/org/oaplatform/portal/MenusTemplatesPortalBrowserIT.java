package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oaplatform.platform.control.JsonSupport.JSON;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
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
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.PortalBrowser;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The menus editor and the template messages page in headless Chromium, in English and Simplified Chinese. The owner
 * of a verified service account builds a menu of two buttons and three sub-buttons, sees WeChat's name limit refused
 * inline, publishes, reorders, sees a conditional menu made through the API and deletes it, then deletes every menu;
 * the developer API agrees at each step. On the templates page the owner of an unverified account is told why it is
 * unavailable; the owner of a verified one sets the industries, meets the 30-day rule, adds templates from the
 * library (one cut to chosen keywords) and deletes one. A person who is no member of the account gets the portal's
 * not-found on both pages. Screenshots go to {@code oa.screenshots} as {@code menus-*} and {@code templates-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MenusTemplatesPortalBrowserIT {

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
    void ownerEditsTheMenuWithTheApisRulesNonMembersSeeNothing() throws Throwable {
        start("menus");
        try {
            menus();
        } catch (Throwable failure) {
            browser.keepEvidence();
            throw failure;
        }
    }

    @Test
    void ownerManagesIndustriesAndTemplatesOfAVerifiedServiceAccountOnly() throws Throwable {
        start("templates");
        try {
            templates();
        } catch (Throwable failure) {
            browser.keepEvidence();
            throw failure;
        }
    }

    private void start(String prefix) throws IOException {
        browser = PortalBrowser.start(base, prefix);
        driver = browser.driver();
        wait = browser.waiting();
    }

    private void menus() throws Exception {
        Api api = new Api(base);
        String ownerPhone = TestData.cnPhone();
        App app = TestData.verifiedServiceAccount(TestData.person(api, ownerPhone));
        String appid = app.appid();

        browser.logIn(ownerPhone, TestData.PASSWORD);
        browser.open("portal/accounts/followers.xhtml?appid=" + appid);
        wait.until(visibilityOfElementLocated(By.cssSelector(".account-nav a.menus-link"))).click();
        wait.until(visibilityOfElementLocated(By.id("menus:addButton")));
        assertTrue(driver.findElement(By.cssSelector("[id='menus:state']")).getText().contains("No menu"));

        // Two buttons: a click button, and a parent of a view and a click sub-button.
        click("menus:addButton");
        type("menus:buttons:0:name", "今日歌曲");
        type("menus:buttons:0:key", "V1001_TODAY");
        click("menus:addButton");
        type("menus:buttons:1:name", "菜单");
        click("menus:buttons:1:addSub");
        click("menus:buttons:1:addSub");
        type("menus:buttons:1:subs:0:name", "搜索");
        chooseType("menus:buttons:1:subs:0:type", "VIEW");
        type("menus:buttons:1:subs:0:url", "https://www.example.com/search");
        type("menus:buttons:1:subs:1:name", "赞一下我们");
        type("menus:buttons:1:subs:1:key", "V1001_GOOD");

        // WeChat's limit of 16 bytes for a top-level name (six Chinese characters are 18), refused on the page.
        type("menus:buttons:0:name", "一二三四五六");
        click("menus:save");
        String refusal = error();
        assertTrue(refusal.contains("16 bytes"), refusal);
        assertFalse(refusal.contains("Exception"), refusal);
        browser.screenshot("name-too-long");
        assertEquals(46003, app.owner().get("cgi-bin/menu/get?access_token=" + app.token()).errcode());

        type("menus:buttons:0:name", "今日歌曲");
        click("menus:save");
        assertNoErrors();
        assertTrue(driver.findElement(By.cssSelector("[id='menus:state']")).getText().contains("Published menu"));
        assertEquals(List.of("今日歌曲", "≡ 菜单"), previewButtons());
        assertEquals(List.of("搜索", "赞一下我们"), texts(".phone-sub"));
        browser.screenshot("published");
        JsonArray published = menuGet(app).getJsonObject("menu").getJsonArray("button");
        assertEquals("今日歌曲", published.getJsonObject(0).getString("name"));
        assertEquals("V1001_TODAY", published.getJsonObject(0).getString("key"));
        JsonArray subs = published.getJsonObject(1).getJsonArray("sub_button");
        assertEquals("https://www.example.com/search", subs.getJsonObject(0).getString("url"));
        assertEquals("click", subs.getJsonObject(1).getString("type"));

        // Reordered: the parent first, and its sub-buttons swapped.
        click("menus:buttons:1:up");
        click("menus:buttons:0:subs:1:up");
        assertEquals(List.of("≡ 菜单", "今日歌曲"), previewButtons());
        click("menus:save");
        assertNoErrors();
        published = menuGet(app).getJsonObject("menu").getJsonArray("button");
        assertEquals("菜单", published.getJsonObject(0).getString("name"));
        assertEquals("赞一下我们", published.getJsonObject(0).getJsonArray("sub_button").getJsonObject(0)
                .getString("name"));

        // A conditional menu made through the API is listed with its rule, and deleted here.
        Reply conditional = app.owner().post("cgi-bin/menu/addconditional?access_token=" + app.token(),
                JSON.createObjectBuilder().add("button", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("type", "click").add("name", "安卓专享").add("key", "ANDROID")))
                        .add("matchrule", JSON.createObjectBuilder().add("client_platform_type", "2")).build());
        assertEquals(200, conditional.status(), conditional.text());
        String menuId = conditional.json().getString("menuid");
        driver.navigate().refresh();
        WebElement row = wait.until(visibilityOfElementLocated(By.cssSelector("[id='menus:conditional'] tr.conditional-row")));
        assertEquals(menuId, row.findElement(By.cssSelector("td.conditional-id")).getText().strip());
        assertEquals("Android", row.findElement(By.cssSelector("td.conditional-platform")).getText().strip());
        browser.screenshot("conditional");
        confirm(row.findElement(By.cssSelector("button.conditional-delete")));
        assertNoErrors();
        wait.until(d -> d.findElements(By.cssSelector("[id='menus:conditional'] tr.conditional-row")).isEmpty());
        assertFalse(menuGet(app).containsKey("conditionalmenu"));

        // In Simplified Chinese: an empty sub-button name is refused with the rule in Chinese.
        WebElement chinese = driver.findElement(By.id("language:zh"));
        chinese.click();
        browser.awaitGone(chinese);
        wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertEquals("自定义菜单", driver.findElement(By.tagName("h1")).getText().strip());
        driver.findElement(By.id("menus:buttons:0:subs:0:name")).clear();
        click("menus:save");
        refusal = error();
        assertTrue(refusal.contains("子菜单名称必填"), refusal);
        browser.screenshot("zh-sub-name-missing");
        click("menus:revert");
        assertEquals(List.of("≡ 菜单", "今日歌曲"), previewButtons());

        // Deleting every menu; the API then has none.
        confirm(driver.findElement(By.id("menus:deleteAll")));
        assertNoErrors();
        assertEquals(List.of(), previewButtons());
        browser.screenshot("zh-deleted");
        assertEquals(46003, app.owner().get("cgi-bin/menu/get?access_token=" + app.token()).errcode());
        browser.logOut();

        assertNonMemberRefused(api, appid);
    }

    private void templates() throws Exception {
        Api api = new Api(base);
        String ownerPhone = TestData.cnPhone();
        Api owner = TestData.person(api, ownerPhone);
        String unverified = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Tpl")))
                .json().getString("appid");
        App app = TestData.verifiedServiceAccount(owner);

        // An unverified service account: the page says why there is nothing to do.
        browser.logIn(ownerPhone, TestData.PASSWORD);
        browser.open("portal/accounts/templates.xhtml?appid=" + unverified);
        WebElement why = wait.until(visibilityOfElementLocated(By.id("unavailable")));
        assertTrue(why.getText().contains("verified service accounts"), why.getText());
        assertTrue(driver.findElements(By.id("templates")).isEmpty());
        browser.screenshot("unavailable");

        // The verified one: no industries yet, so no library; then e-commerce and catering.
        browser.open("portal/accounts/templates.xhtml?appid=" + app.appid());
        wait.until(visibilityOfElementLocated(By.id("templates:saveIndustries")));
        assertTrue(libraryIds().isEmpty());
        new Select(driver.findElement(By.id("templates:primary"))).selectByValue("1");
        new Select(driver.findElement(By.id("templates:secondary"))).selectByValue("10");
        click("templates:saveIndustries");
        assertNoErrors();
        List<String> library = libraryIds();
        assertTrue(library.containsAll(List.of("TM00505", "OPENTM200001", "TM00920")), library.toString());
        assertFalse(library.contains("TM00184"), library.toString());

        // Add the shipping notice with two of its three keywords, and a purchase notice whole.
        WebElement shipping = libraryRow("TM00505");
        for (WebElement box : shipping.findElements(By.cssSelector(".keyword-choice input[type=checkbox]"))) {
            String label = driver.findElement(By.cssSelector("label[for='" + box.getDomAttribute("id") + "']"))
                    .getText().strip();
            if (!label.equals("快递公司")) {
                box.click();
            }
        }
        click(shipping.findElement(By.cssSelector("button.template-add")));
        assertNoErrors();
        click(libraryRow("OPENTM200001").findElement(By.cssSelector("button.template-add")));
        assertNoErrors();
        List<WebElement> mine = driver.findElements(By.cssSelector("[id='templates:mine'] tr.template-row"));
        assertEquals(2, mine.size());
        String shippingContent = mine.get(0).findElement(By.cssSelector(".template-content")).getText();
        assertTrue(shippingContent.contains("订单编号") && shippingContent.contains("快递单号")
                && !shippingContent.contains("快递公司"), shippingContent);
        assertTrue(driver.findElement(By.id("templates:count")).getText().contains("2 of at most 25"));
        browser.screenshot("added");
        JsonArray listed = app.owner().get("cgi-bin/template/get_all_private_template?access_token=" + app.token())
                .json().getJsonArray("template_list");
        assertEquals(2, listed.size(), listed.toString());

        // The 30-day rule, shown on the page.
        new Select(driver.findElement(By.id("templates:secondary"))).selectByValue("11");
        click("templates:saveIndustries");
        String refusal = error();
        assertTrue(refusal.contains("once every 30 days"), refusal);
        browser.screenshot("industries-too-soon");

        // Browsing another industry's templates; deleting one of the account's.
        chooseType("templates:filter", "13");
        assertEquals(List.of("OPENTM200020", "TM00651"), libraryIds());
        String deleted = mine(0, ".template-id");
        confirm(driver.findElements(By.cssSelector("[id='templates:mine'] button.template-delete")).get(0));
        assertNoErrors();
        assertEquals(1, driver.findElements(By.cssSelector("[id='templates:mine'] tr.template-row")).size());
        listed = app.owner().get("cgi-bin/template/get_all_private_template?access_token=" + app.token()).json()
                .getJsonArray("template_list");
        assertEquals(1, listed.size());
        assertFalse(listed.toString().contains(deleted), listed.toString());

        // Simplified Chinese: the same rule in Chinese.
        WebElement chinese = driver.findElement(By.id("language:zh"));
        chinese.click();
        browser.awaitGone(chinese);
        wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertEquals("模板消息", driver.findElement(By.tagName("h1")).getText().strip());
        new Select(driver.findElement(By.id("templates:secondary"))).selectByValue("11");
        click("templates:saveIndustries");
        refusal = error();
        assertTrue(refusal.contains("行业每 30 天只能修改一次"), refusal);
        browser.screenshot("zh-industries-too-soon");
        browser.logOut();

        assertNonMemberRefused(api, app.appid());
    }

    /** A person with an account of their own, but no member of this one: both pages answer not-found, empty. */
    private void assertNonMemberRefused(Api api, String appid) throws IOException {
        String strangerPhone = TestData.cnPhone();
        Api stranger = TestData.person(api, strangerPhone);
        String own = stranger.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Own")))
                .json().getString("appid");
        browser.logIn(strangerPhone, TestData.PASSWORD);
        browser.open("portal/accounts/menus.xhtml?appid=" + own);
        wait.until(visibilityOfElementLocated(By.id("menus:addButton")));
        assertNoErrors();
        for (String page : List.of("menus", "templates")) {
            browser.open("portal/accounts/" + page + ".xhtml?appid=" + appid);
            WebElement refusal = wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-error")));
            assertFalse(refusal.getText().isBlank());
            assertTrue(driver.findElements(By.cssSelector("form[id='menus'], form[id='templates'], #unavailable,"
                    + " .account-nav")).isEmpty(), page + " shows the account");
            browser.screenshot("stranger-" + page);
        }
    }

    private JsonObject menuGet(App app) {
        Reply got = app.owner().get("cgi-bin/menu/get?access_token=" + app.token());
        assertEquals(200, got.status(), got.text());
        return got.json();
    }

    private void click(String id) {
        click(driver.findElement(By.id(id)));
    }

    private void click(WebElement control) {
        browser.clickAndAwaitUpdate(control);
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Picks an option of a select whose change re-renders the form, and waits for it. */
    private void chooseType(String id, String value) {
        WebElement select = driver.findElement(By.id(id));
        new Select(select).selectByValue(value);
        browser.awaitGone(select);
        wait.until(visibilityOfElementLocated(By.id(id)));
    }

    /** Clicks a control guarded by the confirm dialog, says yes, and waits for the update. */
    private void confirm(WebElement control) {
        control.click();
        wait.until(visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes"))).click();
        browser.awaitGone(control);
    }

    private List<String> previewButtons() {
        return texts(".phone-button-name");
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
    }

    private List<String> libraryIds() {
        return texts("[id='templates:library'] tr.library-row .library-id");
    }

    private WebElement libraryRow(String id) {
        return driver.findElement(By.xpath("//*[@id='templates:library']//tr[.//span[contains(@class,'library-id')"
                + " and normalize-space()='" + id + "']]"));
    }

    private String mine(int row, String css) {
        return driver.findElements(By.cssSelector("[id='templates:mine'] tr.template-row")).get(row)
                .findElement(By.cssSelector(css)).getText().strip();
    }

    private String error() {
        return wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-error"))).getText();
    }

    private void assertNoErrors() {
        List<WebElement> errors = driver.findElements(By.cssSelector("#messages .ui-messages-error"));
        assertTrue(errors.isEmpty(), () -> "an error is shown: " + errors.get(0).getText());
    }
}
