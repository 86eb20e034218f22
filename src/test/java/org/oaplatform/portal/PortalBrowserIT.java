package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import jakarta.json.Json;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PASSWORD = "Portal12345";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private Path profile;
    private ChromeDriverService service;
    private WebDriver driver;
    private WebDriverWait wait;
    private Path screenshots;
    private int screenshotCount;

    @BeforeEach
    void startBrowser() throws IOException {
        Path chromedriver = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(chromedriver)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Chromium (" + CHROMIUM + ") or chromedriver (" + chromedriver + ") missing on CI");
            }
            Assumptions.assumeTrue(false,
                    "Chromium not installed: browser tests skipped (apt-get install chromium chromium-driver)");
        }
        screenshots = Path.of(System.getProperty("oa.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        profile = Files.createTempDirectory("oa-chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, PATIENCE);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            deleteRecursively(profile);
        }
    }

    @Test
    void ownerAppliesForVerificationAdminApprovesOwnerSeesBadge() throws Throwable {
        try {
            walkThrough();
        } catch (Throwable failure) {
            keepEvidence();
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
        open("portal/");
        wait.until(visibilityOfElementLocated(By.id("login:phone")));
        screenshot("login");
        logIn(phone, PASSWORD);
        wait.until(visibilityOfElementLocated(By.id("accounts")));
        assertTrue(driver.findElements(accountRow(accountName)).isEmpty());
        assertTrue(driver.findElements(By.cssSelector(".portal-nav a[href*='admin/verifications']")).isEmpty(), "only admins see the queue");
        screenshot("accounts-before");

        // Register an official account: organisation fields, then appid and the one-time secret.
        open("portal/accounts/new.xhtml");
        WebElement name = wait.until(visibilityOfElementLocated(By.id("account:name")));
        name.sendKeys(accountName);
        new Select(driver.findElement(By.id("account:type"))).selectByValue("SERVICE");
        new Select(driver.findElement(By.id("account:region"))).selectByValue("CN");
        new Select(driver.findElement(By.id("account:entityType"))).selectByValue("COMPANY");
        wait.until(visibilityOfElementLocated(By.id("account:legalName"))).sendKeys("Portal Test Co., Ltd.");
        driver.findElement(By.id("account:registrationNumber")).sendKeys("91310000" + TestData.digits(10));
        driver.findElement(By.id("account:legalRepresentative")).sendKeys("Li Si");
        driver.findElement(By.id("account:description")).sendKeys("Registered by the portal browser test");
        screenshot("new-account-form");
        driver.findElement(By.id("account:submit")).click();
        String appid = wait.until(visibilityOfElementLocated(By.id("created:appid"))).getText().strip();
        assertTrue(appid.matches("wx[0-9a-f]{16}"), "appid " + appid);
        assertFalse(driver.findElement(By.id("created:secret")).getText().isBlank(), "the secret is shown");
        screenshot("new-account-created");

        // Apply for verification with one small PNG.
        driver.findElement(By.id("created:verify")).click();
        WebElement file = wait.until(presenceOfElementLocated(By.id("verify:file")));
        new Select(driver.findElement(By.id("verify:type"))).selectByValue("BUSINESS_LICENSE");
        Path png = tinyPng();
        try {
            file.sendKeys(png.toAbsolutePath().toString());
            screenshot("verify-form");
            WebElement submit = driver.findElement(By.id("verify:submit"));
            submit.click();
            wait.until(stalenessOf(submit));
        } finally {
            Files.deleteIfExists(png);
            Files.deleteIfExists(png.getParent());
        }
        WebElement pending = wait.until(visibilityOfElementLocated(accountRow(accountName)));
        assertFalse(pending.findElements(By.cssSelector(".verification-status.status-PENDING")).isEmpty(),
                "the account shows its pending verification: " + pending.getText());
        assertTrue(pending.findElements(By.cssSelector(".verified-badge")).isEmpty());
        screenshot("accounts-pending");
        logOut();

        // The platform admin: the queue page asks for a login first and continues to the queue afterwards.
        open("portal/admin/verifications.xhtml");
        wait.until(visibilityOfElementLocated(By.id("login:phone")));
        logIn(TestData.ADMIN_PHONE, TestData.ADMIN_PASSWORD);
        WebElement application = wait.until(visibilityOfElementLocated(applicationRow(accountName)));
        assertTrue(application.getText().contains(appid), application.getText());
        assertTrue(application.getText().contains(png.getFileName().toString()), application.getText());
        assertTrue(driver.findElement(By.cssSelector(".portal-nav a[href*='admin/verifications']")).isDisplayed(), "admins see the queue in the menu");
        application.findElement(By.cssSelector("input.reason-input")).sendKeys("Documents are in order");
        screenshot("admin-queue");
        application.findElement(By.cssSelector("button.approve-button")).click();
        wait.until(invisibilityOfElementLocated(applicationRow(accountName)));
        wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-info")));
        screenshot("admin-queue-approved");
        logOut();

        // The owner again: verified.
        logIn(phone, PASSWORD);
        WebElement verified = wait.until(visibilityOfElementLocated(accountRow(accountName)));
        WebElement badge = verified.findElement(By.cssSelector(".verified-badge"));
        assertTrue(badge.isDisplayed());
        assertFalse(badge.getText().isBlank());
        screenshot("accounts-verified");
    }

    private void logIn(String phone, String password) {
        if (driver.findElements(By.id("login:phone")).isEmpty()) {
            open("portal/login.xhtml");
        }
        WebElement region = wait.until(visibilityOfElementLocated(By.id("login:region")));
        region.clear();
        region.sendKeys("CN");
        WebElement phoneInput = driver.findElement(By.id("login:phone"));
        phoneInput.clear();
        phoneInput.sendKeys(phone);
        driver.findElement(By.id("login:password")).sendKeys(password);
        WebElement submit = driver.findElement(By.id("login:submit"));
        submit.click();
        wait.until(stalenessOf(submit));
        assertTrue(driver.findElements(By.id("login:submit")).isEmpty(), "still on the login page: "
                + driver.findElements(By.id("messages")).stream().map(WebElement::getText).findFirst().orElse(""));
    }

    private void logOut() {
        WebElement logout = wait.until(visibilityOfElementLocated(By.id("logout:submit")));
        logout.click();
        wait.until(visibilityOfElementLocated(By.id("login:phone")));
    }

    private void open(String path) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        driver.get(root + path);
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

    private void screenshot(String screen) throws IOException {
        byte[] image = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(String.format("portal-%02d-%s.png", ++screenshotCount, screen)), image);
    }

    /** On failure: what the browser showed, as a picture and as HTML. */
    private void keepEvidence() {
        try {
            screenshot("failed");
            Files.writeString(screenshots.resolve(String.format("portal-%02d-failed.html", screenshotCount)),
                    driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // the original failure matters more
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the test for
        }
    }
}
