package org.oaplatform.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for the portal's browser tests: start and
 * stop with a throw-away profile, log in and out through the login page, and screenshots of the screens a test checks
 * under {@code oa.screenshots} ({@code target/screenshots}), named {@code <prefix>-NN-<screen>.png}. Without Chromium
 * the test is skipped, except on CI ({@code CI=true}), where it fails.
 */
public final class PortalBrowser implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final String root;
    private final String prefix;
    private final Path screenshots;
    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private int screenshotCount;

    private PortalBrowser(String root, String prefix, Path screenshots, Path profile, ChromeDriverService service,
            WebDriver driver) {
        this.root = root;
        this.prefix = prefix;
        this.screenshots = screenshots;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
        // pages that poll (a broadcast's progress) replace an element between a condition finding and reading it:
        // the condition is simply tried again
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Starts Chromium against the deployment at {@code base}.
     *
     * @param screenshotPrefix names this test's screenshots, e.g. {@code portal}
     */
    public static PortalBrowser start(URL base, String screenshotPrefix) throws IOException {
        Path chromedriver = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(chromedriver)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Chromium (" + CHROMIUM + ") or chromedriver (" + chromedriver + ") missing on CI");
            }
            Assumptions.assumeTrue(false,
                    "Chromium not installed: browser tests skipped (apt-get install chromium chromium-driver)");
        }
        Path screenshots = Path.of(System.getProperty("oa.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory("oa-chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        try {
            WebDriver driver = new ChromeDriver(service, options);
            String root = base.toString().endsWith("/") ? base.toString() : base + "/";
            return new PortalBrowser(root, screenshotPrefix, screenshots, profile, service, driver);
        } catch (RuntimeException failedToStart) {
            service.stop();
            deleteRecursively(profile);
            throw failedToStart;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Explicit waits of {@link #PATIENCE}; the tests never sleep. */
    public WebDriverWait waiting() {
        return wait;
    }

    /** Opens a page by its path below the deployment, e.g. {@code portal/index.xhtml}. */
    public void open(String path) {
        driver.get(root + path);
    }

    /** The address of a path below the deployment. */
    public String url(String path) {
        return root + path;
    }

    /** Logs in with region CN and the phone (E.164 works too), from the login page or after opening it. */
    public void logIn(String phone, String password) {
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
        awaitGone(submit);
        assertTrue(driver.findElements(By.id("login:submit")).isEmpty(), "still on the login page: "
                + driver.findElements(By.id("messages")).stream().map(WebElement::getText).findFirst().orElse(""));
    }

    /**
     * Waits until the element has left the page. Chrome now and then reports a node of the page being replaced with an
     * inspector error ("Node with given id does not belong to the document") instead of as stale: both mean gone.
     */
    public void awaitGone(WebElement element) {
        wait.until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    public void logOut() {
        WebElement logout = wait.until(visibilityOfElementLocated(By.id("logout:submit")));
        logout.click();
        wait.until(visibilityOfElementLocated(By.id("login:phone")));
    }

    /**
     * Clicks a control whose ajax request re-renders the part of the page it is in, and waits until it did (the old
     * element is gone from the page).
     */
    public void clickAndAwaitUpdate(WebElement control) {
        control.click();
        awaitGone(control);
    }

    public void screenshot(String screen) throws IOException {
        byte[] image = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(String.format("%s-%02d-%s.png", prefix, ++screenshotCount, screen)), image);
    }

    /** On failure: what the browser showed, as a picture and as HTML. Never throws: the failure matters more. */
    public void keepEvidence() {
        try {
            screenshot("failed");
            Files.writeString(screenshots.resolve(String.format("%s-%02d-failed.html", prefix, screenshotCount)),
                    driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // the original failure matters more
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profile);
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
