package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.DatabaseLink;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.PortalBrowser;
import org.oaplatform.testsupport.TestData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The database goes away while the platform admin works in the portal: the action answers with a message on the same
 * page ("temporarily unavailable, try again"), not an error page, and works again once the database is back.
 * Screenshots go to {@code oa.screenshots} as {@code outage-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutagePortalBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void anActionWhileTheDatabaseIsAwayShowsAMessageAndWorksAgainAfterwards() throws Throwable {
        TestData.adminSession(new Api(base));
        try (PortalBrowser browser = PortalBrowser.start(base, "outage")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waiting();
            try {
                browser.open("portal/admin/ledger.xhtml");
                wait.until(visibilityOfElementLocated(By.id("login:phone")));
                browser.logIn(TestData.ADMIN_PHONE, TestData.ADMIN_PASSWORD);
                wait.until(visibilityOfElementLocated(By.id("audit:run")));

                DatabaseLink link = DatabaseLink.current();
                link.cut();
                try {
                    browser.clickAndAwaitUpdate(driver.findElement(By.id("audit:run")));
                    WebElement error = wait.until(visibilityOfElementLocated(By.cssSelector(
                            "#messages .ui-messages-error")));
                    assertTrue(error.getText().contains("temporarily unavailable"), error.getText());
                    assertTrue(driver.findElements(By.id("error-text")).isEmpty(), "the error page is shown");
                    browser.screenshot("database-away");
                } finally {
                    link.restore();
                }

                // The pool may hand out a connection the cut killed until it validates it again (at most 5 s).
                boolean worked = false;
                for (int attempt = 0; attempt < 8 && !worked; attempt++) {
                    Thread.sleep(attempt == 0 ? 0 : 2_000);
                    browser.clickAndAwaitUpdate(driver.findElement(By.id("audit:run")));
                    wait.until(visibilityOfElementLocated(By.id("audit:run")));
                    worked = driver.findElements(By.cssSelector("#messages .ui-messages-error")).isEmpty()
                            && !driver.findElements(By.id("audit:status")).isEmpty();
                }
                assertTrue(worked, "still an error after the database came back");
                browser.screenshot("database-back");
            } catch (Throwable failure) {
                browser.keepEvidence();
                throw failure;
            }
        }
    }
}
