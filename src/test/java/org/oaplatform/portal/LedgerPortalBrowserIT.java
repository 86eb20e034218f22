package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.PortalBrowser;
import org.oaplatform.testsupport.SandboxCards;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The platform admin's ledger pages in headless Chromium. Two people (registered through the client API) set payment
 * passwords; one links a card, tops up 100.00 and sends the other 25.00; the other locks their payment password with
 * five wrong tries. The admin then runs the ledger audit (every invariant passes), looks up the transfer (its posting
 * moves 25.00 from the wallet into escrow), the sender's phone number (balance and both transactions), a top-up the
 * bank has not answered (listed as pending above the statement; looked up by id, a message why it has no posting)
 * and something unknown (a message), and unlocks the locked payment password. Screenshots go to {@code oa.screenshots} as
 * {@code ledger-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerPortalBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private PortalBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @Test
    void adminAuditsTheLedgerLooksUpTransactionsAndUnlocksAPaymentPassword() throws Throwable {
        try (PortalBrowser started = PortalBrowser.start(base, "ledger")) {
            browser = started;
            driver = started.driver();
            wait = started.waiting();
            try {
                walkThrough();
            } catch (Throwable failure) {
                started.keepEvidence();
                throw failure;
            }
        }
    }

    private void walkThrough() throws Exception {
        Api api = new Api(base);
        String senderPhone = TestData.cnPhone();
        String receiverPhone = TestData.cnPhone();
        Api sender = TestData.person(api, senderPhone);
        Api receiver = TestData.person(api, receiverPhone);
        for (Api person : List.of(sender, receiver)) {
            Reply pin = person.put("api/v1/wallet/payment-password",
                    Json.createObjectBuilder().add("pin", WalletData.PIN).build());
            assertEquals(204, pin.status(), pin.text());
        }
        Reply card = WalletData.link(sender, SandboxCards.OK_DEBIT);
        assertEquals(201, card.status(), card.text());
        Reply topUp = WalletData.topUp(sender, card.json().getString("id"), 10000, WalletData.key());
        assertEquals(201, topUp.status(), topUp.text());
        Reply transfer = sender.withHeader("Idempotency-Key", WalletData.key()).post("api/v1/wallet/transfers",
                Json.createObjectBuilder().add("to", receiverPhone).add("amount", 2500).add("memo", "lunch")
                        .add("pin", WalletData.PIN).build());
        assertEquals(201, transfer.status(), transfer.text());
        String transferId = transfer.json().getString("id");
        assertTrue(transferId.startsWith("trf_"), transferId);
        for (int attempt = 1; attempt <= 5; attempt++) {
            Reply wrong = receiver.withHeader("Idempotency-Key", WalletData.key()).post("api/v1/wallet/transfers",
                    Json.createObjectBuilder().add("to", senderPhone).add("amount", 100).add("pin", "000001").build());
            assertEquals(attempt < 5 ? 403 : 423, wrong.status(), "wrong try " + attempt + ": " + wrong.text());
        }
        TestData.adminSession(api);

        // The audit page asks for a login first; the admin menu links all three ledger pages.
        browser.open("portal/admin/ledger.xhtml");
        wait.until(visibilityOfElementLocated(By.id("login:phone")));
        browser.logIn(TestData.ADMIN_PHONE, TestData.ADMIN_PASSWORD);
        wait.until(visibilityOfElementLocated(By.id("audit:invariants")));
        for (String page : List.of("admin/ledger", "admin/transactions", "admin/payment-passwords")) {
            assertTrue(driver.findElement(By.cssSelector(".portal-nav a[href*='" + page + "']")).isDisplayed(),
                    page + " in the menu");
        }
        assertEquals(5, driver.findElements(By.cssSelector("[id='audit:invariants'] tr.invariant-row")).size());

        // Run the audit: every invariant holds, with when it ran and how long it took.
        browser.clickAndAwaitUpdate(driver.findElement(By.id("audit:run")));
        wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-info, #messages .ui-messages-error")));
        WebElement status = wait.until(visibilityOfElementLocated(By.id("audit:status")));
        assertTrue(hasClass(status, "audit-passed"), () -> "the audit failed: " + driver
                .findElements(By.id("audit:findings")).stream().map(WebElement::getText).findFirst().orElse(""));
        assertNoErrors();
        assertEquals(5, driver.findElements(By.cssSelector("[id='audit:invariants'] tr.invariant-row .audit-passed"))
                .size());
        assertFalse(driver.findElement(By.id("audit:ranAt")).getText().isBlank());
        assertTrue(driver.findElement(By.id("audit:duration")).getText().matches(".*\\d.*"),
                driver.findElement(By.id("audit:duration")).getText());
        browser.screenshot("audit");

        // The transfer by its id: one posting, 25.00 out of the sender's wallet and into escrow.
        driver.findElement(By.cssSelector(".portal-nav a[href*='admin/transactions']")).click();
        lookUp(transferId);
        wait.until(urlContains("q=" + transferId));
        wait.until(visibilityOfElementLocated(By.cssSelector(".posting tr.leg-row")));
        assertNoErrors();
        List<WebElement> postingIds = driver.findElements(By.cssSelector(".posting .posting-id"));
        assertEquals(1, postingIds.size());
        assertTrue(postingIds.get(0).getText().strip().startsWith("pst_"), postingIds.get(0).getText());
        List<String> amounts = texts(".posting tr.leg-row .leg-amount");
        assertEquals(List.of("-25.00", "25.00"), amounts.stream().sorted().toList(), amounts.toString());
        String senderName = "Tester " + senderPhone.substring(senderPhone.length() - 4);
        assertTrue(texts(".posting tr.leg-row .leg-owner").stream().anyMatch(o -> o.contains(senderName)),
                texts(".posting tr.leg-row .leg-owner").toString());
        browser.screenshot("transfer-postings");

        // The sender by phone number: 75.00 left, the transfer and the top-up.
        lookUp(senderPhone);
        wait.until(visibilityOfElementLocated(By.id("statement:entries")));
        assertNoErrors();
        assertEquals("75.00", driver.findElement(By.id("statement:balance")).getText().strip());
        WebElement sent = driver.findElement(By.cssSelector("[id='statement:entries'] tr.entry-TRANSFER_SENT"));
        assertEquals("-25.00", sent.findElement(By.cssSelector(".entry-amount")).getText().strip());
        assertEquals("Tester " + receiverPhone.substring(receiverPhone.length() - 4),
                sent.findElement(By.cssSelector(".counterpart")).getText().strip());
        // textContent: on a narrow window the last columns scroll out of view, and getText() sees only what is visible.
        assertEquals(transferId, sent.findElement(By.cssSelector("a.reference-link")).getDomProperty("textContent")
                .strip());
        assertTrue(sent.getDomProperty("textContent").contains("lunch"), sent.getDomProperty("textContent"));
        WebElement toppedUp = driver.findElement(By.cssSelector("[id='statement:entries'] tr.entry-TOP_UP"));
        assertEquals("100.00", toppedUp.findElement(By.cssSelector(".entry-amount")).getText().strip());
        assertEquals(2, driver.findElements(By.cssSelector("[id='statement:entries'] tr.entry-row")).size());
        assertTrue(driver.findElement(By.id("statement:older")).getDomAttribute("disabled") != null);
        browser.screenshot("sender-transactions");

        // A top-up the bank has not answered.
        Reply slowCard = WalletData.link(sender, SandboxCards.BANK_TIMES_OUT);
        assertEquals(201, slowCard.status(), slowCard.text());
        Reply pending = WalletData.topUp(sender, slowCard.json().getString("id"), 500, WalletData.key());
        assertEquals(202, pending.status(), pending.text());
        String pendingId = pending.json().getString("id");
        // The person's statement lists it above the entries, as pending, without touching balance or entries.
        lookUp(senderPhone);
        WebElement waiting = wait.until(visibilityOfElementLocated(By.cssSelector("[id='statement:pending']"
                + " tr.pending-row")));
        assertNoErrors();
        assertEquals("5.00", waiting.findElement(By.cssSelector(".pending-amount")).getText().strip());
        assertEquals(1, driver.findElements(By.cssSelector("[id='statement:pending'] tr.pending-row")).size());
        assertEquals("75.00", driver.findElement(By.id("statement:balance")).getText().strip());
        assertEquals(2, driver.findElements(By.cssSelector("[id='statement:entries'] tr.entry-row")).size());
        browser.screenshot("pending-top-up");
        // Its id leads to the lookup by id: no posting, and the page says why instead of "nothing found".
        waiting.findElement(By.cssSelector("a.pending-link")).click();
        wait.until(urlContains("q=" + pendingId));
        WebElement notPosted = wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-error")));
        assertTrue(notPosted.getText().contains(pendingId), notPosted.getText());
        assertTrue(notPosted.getText().contains("bank"), notPosted.getText());
        assertTrue(driver.findElements(By.cssSelector(".posting")).isEmpty());
        browser.screenshot("unposted-top-up");

        // Something unknown: a message on the same page, not an error page.
        lookUp("trf_" + TestData.digits(16));
        WebElement unknown = wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-error")));
        assertFalse(unknown.getText().isBlank());
        assertTrue(driver.findElements(By.cssSelector(".posting, [id='statement:entries']")).isEmpty());
        browser.screenshot("unknown-lookup");

        // The locked payment password, unlocked.
        driver.findElement(By.cssSelector(".portal-nav a[href*='admin/payment-passwords']")).click();
        WebElement locked = wait.until(visibilityOfElementLocated(lockedRow(receiverPhone)));
        assertFalse(locked.findElement(By.cssSelector(".locked-until")).getText().isBlank());
        browser.screenshot("payment-passwords-locked");
        browser.clickAndAwaitUpdate(locked.findElement(By.cssSelector("button.unlock-button")));
        wait.until(visibilityOfElementLocated(By.cssSelector("#messages .ui-messages-info")));
        assertNoErrors();
        wait.until(invisibilityOfElementLocated(lockedRow(receiverPhone)));
        browser.screenshot("payment-passwords-unlocked");
        JsonObject wallet = receiver.get("api/v1/wallet").json();
        assertTrue(!wallet.containsKey("paymentPasswordLockedUntil") || wallet.isNull("paymentPasswordLockedUntil"),
                wallet.toString());
    }

    /** Types into the lookup field and submits (a full page: the result comes as a GET with {@code ?q=}). */
    private void lookUp(String text) {
        WebElement query = wait.until(visibilityOfElementLocated(By.id("lookup:query")));
        query.clear();
        query.sendKeys(text);
        WebElement submit = driver.findElement(By.id("lookup:submit"));
        submit.click();
        browser.awaitGone(submit);
        wait.until(visibilityOfElementLocated(By.id("lookup:query")));
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
    }

    private void assertNoErrors() {
        List<WebElement> errors = driver.findElements(By.cssSelector("#messages .ui-messages-error"));
        assertTrue(errors.isEmpty(), () -> "an error is shown: " + errors.get(0).getText());
    }

    private static boolean hasClass(WebElement element, String styleClass) {
        return (" " + element.getDomAttribute("class") + " ").contains(" " + styleClass + " ");
    }

    private static By lockedRow(String phone) {
        return By.xpath("//*[@id='passwords:locked']//tr[contains(concat(' ', normalize-space(@class), ' '),"
                + " ' locked-row ')][.//span[contains(concat(' ', normalize-space(@class), ' '), ' phone ')"
                + " and normalize-space()='" + phone + "']]");
    }
}
