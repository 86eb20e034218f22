package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.oaplatform.testsupport.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in headless Chromium, end to end: a person (registered through the client API) logs in, registers an
 * official account, sees its secret once and applies for verification with a document; the platform admin approves
 * it from the queue; the person then sees the account verified. A screenshot of each screen checked goes to
 * {@code oa.screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalBrowserIT {

    private static final String PASSWORD = "Portal12345";

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
        browser = PortalBrowser.start(base, "portal");
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
    void ownerAppliesForVerificationAdminApprovesOwnerSeesBadge() throws Throwable {
        try {
            walkThrough();
        } catch (Throwable failure) {
            browser.keepEvidence();
            throw failure;
        }
    }

    private void walkThrough() throws IOException {
        Api api = new Api(base);
        String phone = TestData.cnPhone();
        assertEquals(201, register(api, phone, PASSWORD, "Portal " + phone.substring(phone.length() - 4)));
        ensurePlatformAdmin(api);
        String accountName = "Portal Test " + TestData.digits(6);

        // A protected page leads to the login page.
        browser.open("portal/");
        wait.until(visibilityOfElementLocated(By.id("login:phone")));
        browser.screenshot("login");
        browser.logIn(phone, PASSWORD);
        wait.until(visibilityOfElementLocated(By.id("accounts")));
        assertTrue(driver.findElements(accountRow(accountName)).isEmpty());
        assertTrue(driver.findElements(By.cssSelector(".portal-nav a[href*='admin/verifications']")).isEmpty(), "only admins see the queue");
        browser.screenshot("accounts-before");

        // Register an official account: organisation fields, then appid and the one-time secret.
        browser.open("portal/accounts/new.xhtml");
        WebElement name = wait.until(visibilityOfElementLocated(By.id("account:name")));
        name.sendKeys(accountName);
        new Select(driver.findElement(By.id("account:type"))).selectByValue("SERVICE");
        new Select(driver.findElement(By.id("account:region"))).selectByValue("CN");
        new Select(driver.findElement(By.id("account:entityType"))).selectByValue("COMPANY");
        wait.until(visibilityOfElementLocated(By.id("account:legalName"))).sendKeys("Portal Test Co., Ltd.");
        driver.findElement(By.id("account:registrationNumber")).sendKeys("91310000" + TestData.digits(10));
        driver.findElement(By.id("account:legalRepresentative")).sendKeys("Li Si");
        driver.findElement(By.id("account:description")).sendKeys("Registered by the portal browser test");
        browser.screenshot("new-account-form");
        driver.findElement(By.id("account:submit")).click();
        String appid = wait.until(visibilityOfElementLocated(By.id("created:appid"))).getText().strip();
        assertTrue(appid.matches("wx[0-9a-f]{16}"), "appid " + appid);
        assertFalse(driver.findElement(By.id("created:secret")).getText().isBlank(), "the secret is shown");
        browser.screenshot("new-account-created");

        // Apply for verification with one small PNG.
        driver.findElement(By.id("created:verify")).click();
        WebElement file = wait.until(presenceOfElementLocated(By.id("verify:file")));
        new Select(driver.findElement(By.id("verify:type"))).selectByValue("BUSINESS_LICENSE");
        Path png = tinyPng();
        try {
            file.sendKeys(png.toAbsolutePath().toString());
            browser.screenshot("verify-form");
            WebElement submit = driver.findElement(By.id("verify:submit"));
            submit.click();
            browser.awaitGone(submit);
        } finally {
            Files.deleteIfExists(png);
            Files.deleteIfExists(png.getParent());
        }
        WebElement pending = wait.until(visibilityOfElementLocated(accountRow(accountName)));
        assertFalse(pending.findElements(By.cssSelector(".verification-status.status-PENDING")).isEmpty(),
                "the account shows its pending verification: " + pending.getText());
        assertTrue(pending.findElements(By.cssSelector(".verified-badge")).isEmpty());
        browser.screenshot("accounts-pending");
        browser.logOut();

        // The platform admin: the queue page asks for a login first and continues to the queue afterwards.
        browser.open("portal/admin/verifications.xhtml");
        wait.until(visibilityOfElementLocated(By.id("login:phone")));
        browser.logIn(TestData.ADMIN_PHONE, TestData.ADMIN_PASSWORD);
        WebElement application = wait.until(visibilityOfElementLocated(applicationRow(accountName)));
        assertTrue(application.getText().contains(appid), application.getText());
        assertTrue(application.getText().contains(png.getFileName().toString()), application.getText());
        assertTrue(driver.findElement(By.cssSelector(".portal-nav a[href*='admin/verifications']")).isDisplayed(), "admins see the queue in the menu");
        application.findElement(By.cssSelector("input.reason-input")).sendKeys("Documents are in order");
        browser.screenshot("admin-queue");
        application.findElement(By.cssSelector("button.approve-button")).click();
        wait.until(invisibilityOfElementLocated(applicationRow(accountName)));
        wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-info")));
        browser.screenshot("admin-queue-approved");
        browser.logOut();

        // The owner again: verified.
        browser.logIn(phone, PASSWORD);
        WebElement verified = wait.until(visibilityOfElementLocated(accountRow(accountName)));
        WebElement badge = verified.findElement(By.cssSelector(".verified-badge"));
        assertTrue(badge.isDisplayed());
        assertFalse(badge.getText().isBlank());
        browser.screenshot("accounts-verified");
    }

    private static By accountRow(String accountName) {
        return rowNamed("accounts", accountName);
    }

    private static By applicationRow(String accountName) {
        return rowNamed("decisions:queue", accountName);
    }

    private static By rowNamed(String tableId, String accountName) {
        return By.xpath("//*[@id='" + tableId + "']//tr[.//span[contains(concat(' ', @class, ' '), ' account-name ')"
                + " and normalize-space()='" + accountName + "']]");
    }

    /** Registers a person through the client API, as the mobile app would; answers the registration's status. */
    private static int register(Api api, String e164, String password, String displayName) {
        String national = e164.substring("+86".length());
        Reply sent = api.post("api/v1/verification-codes",
                Json.createObjectBuilder().add("region", "CN").add("phone", national).build());
        assertEquals(202, sent.status(), sent.text());
        Reply created = api.post("api/v1/accounts", Json.createObjectBuilder().add("region", "CN")
                .add("phone", national).add("code", api.latestCode(e164)).add("password", password)
                .add("displayName", displayName).build());
        assertTrue(created.status() == 201 || created.status() == 409, created.text());
        return created.status();
    }

    /**
     * The platform admin ({@code OA_PLATFORM_ADMINS} of the test domain) may exist already, created by another test
     * or the demo data with the same password; a login tells, and only otherwise is it registered (asking for a code
     * first would trip the per-phone code interval when another test just did the same).
     */
    private static void ensurePlatformAdmin(Api api) {
        Reply session = api.post("api/v1/sessions", Json.createObjectBuilder().add("phone", TestData.ADMIN_PHONE)
                .add("password", TestData.ADMIN_PASSWORD).build());
        if (session.status() != 201) {
            register(api, TestData.ADMIN_PHONE, TestData.ADMIN_PASSWORD, "Platform Admin");
        }
    }

    /** Enough of a PNG for the server, which checks the signature (first bytes), type and size. */
    private static Path tinyPng() throws IOException {
        Path dir = Files.createTempDirectory("oa-upload-");
        Path png = dir.resolve("business-licence.png");
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] rest = "\0\0\0\rIHDR portal browser test".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[signature.length + rest.length];
        System.arraycopy(signature, 0, content, 0, signature.length);
        System.arraycopy(rest, 0, content, signature.length, rest.length);
        Files.write(png, content);
        return png;
    }
}
