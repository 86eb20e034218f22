package org.oaplatform.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The steps a portal browser test repeats, on top of {@link PortalBrowser}: type into a field, click and wait for the
 * ajax update, read the error message or assert there is none, say yes to a confirmation, switch to Simplified
 * Chinese. Fields and controls are found by their fixed Faces ids ({@code form:field}).
 */
public final class PortalPage implements AutoCloseable {

    /** A test's steps; any failure keeps the evidence. */
    @FunctionalInterface
    public interface Steps {
        void run() throws Exception;
    }

    private final PortalBrowser browser;
    public final WebDriverWait wait;

    private PortalPage(PortalBrowser browser) {
        this.browser = browser;
        this.wait = browser.waiting();
    }

    public static PortalPage start(URL base, String screenshotPrefix) throws IOException {
        return new PortalPage(PortalBrowser.start(base, screenshotPrefix));
    }

    /** Runs the steps, keeping a screenshot and the page source of a failure. */
    public void run(Steps steps) throws Throwable {
        try {
            steps.run();
        } catch (Throwable failure) {
            browser.keepEvidence();
            throw failure;
        }
    }

    public WebDriver driver() {
        return browser.driver();
    }

    public void logIn(String phone) {
        browser.logIn(phone, TestData.PASSWORD);
    }

    /** Logs in as the installation's platform admin (registered first if needed, see {@link TestData#adminSession}). */
    public void logInAsAdmin() {
        browser.logIn(TestData.ADMIN_PHONE, TestData.ADMIN_PASSWORD);
    }

    public void logOut() {
        browser.logOut();
    }

    public void open(String path) {
        browser.open(path);
    }

    /** Follows a GET link and waits for an element of the page it leads to. */
    public void clickLink(String css, String awaitedId) {
        wait.until(visibilityOfElementLocated(By.cssSelector(css))).click();
        await(awaitedId);
    }

    public WebElement await(String id) {
        return wait.until(visibilityOfElementLocated(By.id(id)));
    }

    public String text(String id) {
        return await(id).getText().strip();
    }

    public void type(String id, String text) {
        WebElement input = await(id);
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks a control whose ajax update replaces it, and waits until it did. */
    public void click(String id) {
        clickAndWait(await(id));
    }

    public void clickAndWait(WebElement control) {
        browser.clickAndAwaitUpdate(control);
    }

    /** Clicks a control guarded by the confirm dialog, says yes, and waits for the update. */
    public void confirm(WebElement control) {
        control.click();
        wait.until(visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes"))).click();
        browser.awaitGone(control);
    }

    public List<WebElement> rows(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    public String cell(WebElement row, String css) {
        return row.findElement(By.cssSelector(css)).getText().strip();
    }

    public String error() {
        return wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-error"))).getText();
    }

    public void assertNoErrors() {
        List<WebElement> errors = driver().findElements(By.cssSelector("#messages .ui-messages-error"));
        assertTrue(errors.isEmpty(), () -> "an error is shown: " + errors.get(0).getText());
    }

    /** Switches the portal to Simplified Chinese and checks the page's heading. */
    public void chinese(String heading) {
        WebElement chinese = driver().findElement(By.id("language:zh"));
        chinese.click();
        browser.awaitGone(chinese);
        wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertTrue(driver().findElement(By.tagName("h1")).getText().strip().equals(heading),
                () -> driver().findElement(By.tagName("h1")).getText());
    }

    public void screenshot(String screen) throws IOException {
        browser.screenshot(screen);
    }

    @Override
    public void close() {
        browser.close();
    }
}
