package org.oaplatform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.payments.boundary.BankCards;
import org.oaplatform.payments.boundary.BankGatewayHealthCheck;
import org.oaplatform.payments.boundary.Ledger;
import org.oaplatform.payments.boundary.LedgerAudit;
import org.oaplatform.payments.boundary.PlatformAccounts;
import org.oaplatform.payments.boundary.TopUps;
import org.oaplatform.payments.boundary.Wallets;
import org.oaplatform.payments.boundary.Withdrawals;
import org.oaplatform.payments.control.BankGateway.CardType;
import org.oaplatform.payments.control.BankGateway.LinkedCard;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.RequestContext;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.SandboxCards;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;

/**
 * An installation without a bank ({@code OA_BANK_GATEWAY=none}, production's default): card links, top-ups and
 * withdrawals are refused as {@code BANK_NOT_CONFIGURED} before anything is recorded — no card, no pending top-up, no
 * idempotency key, no debit. In the container, because the refusals come before the steps the public API would need
 * (a card cannot be linked here), so the test gives the person what an earlier bank would have left: a linked card
 * and money.
 */
@ExtendWith(ArquillianExtension.class)
class NoBankIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithoutBank();
    }

    @Inject
    RequestContext request;

    @Inject
    People people;

    @Inject
    Wallets wallets;

    @Inject
    BankCards cards;

    @Inject
    TopUps topUps;

    @Inject
    Withdrawals withdrawals;

    @Inject
    Ledger ledger;

    @Inject
    PlatformAccounts platform;

    @Inject
    LedgerAudit audit;

    @Inject
    @Readiness
    BankGatewayHealthCheck health;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @BeforeEach
    void actFromAnAddressOfOurOwn() {
        request.begin("no-bank-test", TestData.clientAddress());
    }

    @AfterEach
    void ledgerHolds() {
        var run = audit.run();
        assertTrue(run.passed(), "ledger audit failed: " + run.findings());
    }

    private static void assertNotConfigured(Executable call) {
        assertEquals(PaymentError.BANK_NOT_CONFIGURED, assertThrows(BusinessException.class, call).code());
    }

    @Test
    void healthSaysNoBankIsConfiguredAndStaysUp() {
        var check = health.call();
        assertEquals("bank-gateway", check.getName());
        assertEquals(HealthCheckResponse.Status.UP, check.getStatus());
        assertEquals("none", check.getData().orElseThrow().get("gateway"));
    }

    @Test
    void linkingACardIsRefusedAndKeepsNothing() {
        long person = person();
        assertNotConfigured(() -> cards.link(person, SandboxCards.OK_DEBIT));
        assertNotConfigured(() -> cards.link(person, SandboxCards.LUHN_INVALID));
        assertEquals(0, count("SELECT COUNT(*) FROM bank_card WHERE person_id = ?1", person));
    }

    @Test
    void aTopUpIsRefusedAndRecordsNothing() {
        long person = person();
        String card = cardLinkedEarlier(person);
        String key = WalletData.key();
        assertNotConfigured(() -> topUps.topUp(person, key, card, 10_000L));
        assertNotConfigured(() -> topUps.topUp(person, key, card, 10_000L));
        assertEquals(0, count("SELECT COUNT(*) FROM top_up WHERE person_id = ?1", person), "no pending top-up");
        assertEquals(0, count("SELECT COUNT(*) FROM idempotency_record WHERE person_id = ?1", person), "no key");
        assertEquals(0, wallets.view(person).balance());
    }

    @Test
    void aWithdrawalIsRefusedAndDebitsNothing() throws Exception {
        long person = person();
        String card = cardLinkedEarlier(person);
        fund(person, 50_000);
        long postingsBefore = postingsOf(person);
        assertNotConfigured(() -> withdrawals.withdraw(person, WalletData.key(), card, 20_000L, WalletData.PIN));
        assertEquals(50_000, wallets.view(person).balance(), "nothing debited");
        assertEquals(postingsBefore, postingsOf(person), "nothing posted");
        assertEquals(0, count("SELECT COUNT(*) FROM withdrawal WHERE person_id = ?1", person), "no withdrawal");
        assertEquals(0, count("SELECT COUNT(*) FROM idempotency_record WHERE person_id = ?1", person), "no key");
        assertEquals(100_000, wallets.view(person).freeWithdrawalQuotaLeft(), "the free quota untouched");
    }

    private long person() {
        long id = people.create(TestData.cnPhone(), TestData.PASSWORD, "No Bank").id();
        wallets.setPassword(id, WalletData.PIN, null);
        return id;
    }

    /** A card as a bank configured before would have linked it. */
    private String cardLinkedEarlier(long person) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        return cards.keep(person, new LinkedCard("psp_tok_" + unique, "psp_fp_" + unique, "Earlier Bank",
                CardType.DEBIT), "1234").id();
    }

    /** Money that came in while a bank was configured, posted as a top-up would have been. */
    private void fund(long person, long fen) throws Exception {
        transaction.begin();
        long account = wallets.open(person).accountId();
        ledger.post(PostingKind.TOP_UP, "top_" + UUID.randomUUID().toString().substring(0, 16),
                Ledger.leg(platform.of(AccountKind.BANK_SETTLEMENT, account), -fen), Ledger.leg(account, fen));
        transaction.commit();
    }

    private long postingsOf(long person) {
        return count("SELECT COUNT(*) FROM posting_leg l JOIN wallet w ON w.account_id = l.account_id"
                + " WHERE w.person_id = ?1", person);
    }

    private long count(String sql, long person) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, person).getSingleResult()).longValue();
    }
}
