package org.oaplatform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.payments.control.BankSignature;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.SandboxCards;
import org.oaplatform.testsupport.StubBankProvider.Received;
import org.oaplatform.testsupport.StubBankProvider;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;

/**
 * The wallet over the client API on an installation with {@code OA_BANK_GATEWAY=http}, talking to a stub provider
 * that runs in this test's JVM on 127.0.0.1: cards, top-ups and withdrawals reach it as signed JSON under the
 * platform's references, and answers it cannot trust leave a top-up pending instead of refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpBankIT {

    private static final String KEY = "http-bank-it-signing-key-0123456789";
    private static StubBankProvider provider;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        provider = new StubBankProvider(KEY);
        return Deployments.warWithSettings(Map.of("oa.bank.gateway", "http", "oa.bank.url", provider.baseUrl(),
                "oa.bank.merchant-id", "m-http-bank-it", "oa.bank.signing-key", KEY, "oa.bank.timeout", "PT2S"));
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @ArquillianResource
    URL base;

    @AfterEach
    void ledgerStillHolds() {
        WalletData.assertLedgerConsistent(new Api(base));
    }

    /**
     * Links cards, answers movements with {@code charges}; status queries (the reconciliation timers also ask about
     * other tests' pending top-ups) get no decision, so nothing outside this test is settled by it.
     */
    private void provide(String charges) {
        AtomicInteger cards = new AtomicInteger();
        provider.answer(r -> switch (r.path().substring(StubBankProvider.BASE_PATH.length())) {
            case "/cards" -> provider.signed(Json.createObjectBuilder().add("result", "LINKED")
                    .add("cardToken", "psp_tok_" + UUID.randomUUID()).add("fingerprint", "psp_fp_" + UUID.randomUUID())
                    .add("bankName", "Provider Bank " + cards.incrementAndGet()).add("cardType", "DEBIT").build());
            case "/charges" -> provider.signed(movement(r, charges));
            case "/payouts" -> provider.signed(movement(r, "ACCEPTED"));
            default -> provider.status(503, "{}");
        });
    }

    private static JsonObject movement(Received request, String status) {
        return Json.createObjectBuilder().add("reference", request.json().getString("reference"))
                .add("status", status).build();
    }

    private List<Received> received(String operation, String reference) {
        return provider.received().stream().filter(r -> r.path().endsWith("/" + operation))
                .filter(r -> reference.equals(r.json().getString("reference", null))).toList();
    }

    private Api personWithCard() {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        Reply pin = person.put("api/v1/wallet/payment-password",
                Json.createObjectBuilder().add("pin", WalletData.PIN).build());
        assertEquals(204, pin.status(), pin.text());
        return person;
    }

    private static String link(Api person) {
        Reply card = WalletData.link(person, SandboxCards.OK_DEBIT);
        assertEquals(201, card.status(), card.text());
        assertTrue(card.json().getString("bankName").startsWith("Provider Bank"), card.text());
        return card.json().getString("id");
    }

    @Test
    void cardsTopUpsAndWithdrawalsGoToTheProviderSignedUnderThePlatformsReferences() {
        provide("SUCCEEDED");
        Api person = personWithCard();
        String card = link(person);
        Received linkRequest = provider.received().stream().filter(r -> r.path().endsWith("/cards"))
                .filter(r -> SandboxCards.OK_DEBIT.equals(r.json().getString("cardNumber"))).reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(linkRequest.signatureValid());
        assertEquals("m-http-bank-it", linkRequest.header("X-OA-Merchant-Id"));

        Reply topUp = WalletData.topUp(person, card, 30_000, WalletData.key());
        assertEquals(201, topUp.status(), topUp.text());
        String topUpId = topUp.json().getString("id");
        assertEquals(30_000, topUp.json().getInt("balance"));
        Received charge = received("charges", topUpId).get(0);
        assertTrue(charge.signatureValid());
        assertEquals(topUpId, charge.header("Idempotency-Key"));
        assertEquals(30_000, charge.json().getInt("amount"));

        Reply withdrawal = person.withHeader("Idempotency-Key", WalletData.key()).post("api/v1/wallet/withdrawals",
                Json.createObjectBuilder().add("cardId", card).add("amount", 10_000).add("pin", WalletData.PIN)
                        .build());
        assertEquals(201, withdrawal.status(), withdrawal.text());
        String withdrawalId = withdrawal.json().getString("id");
        assertEquals("PROCESSING", withdrawal.json().getString("status"));
        Received payout = received("payouts", withdrawalId).get(0);
        assertTrue(payout.signatureValid());
        assertEquals(withdrawalId, payout.header("Idempotency-Key"));
        assertEquals(20_000, WalletData.balance(person));
    }

    @Test
    void aChargeWithoutAnswerStaysPendingAndItsRetryIsChargedUnderTheSameReferenceAndCreditedOnce() {
        provide("SUCCEEDED");
        Api person = personWithCard();
        String card = link(person);
        provider.answer(r -> provider.signed(movement(r, "SUCCEEDED")).after(Duration.ofSeconds(10)));
        String key = WalletData.key();
        Reply first = WalletData.topUp(person, card, 5_000, key);
        assertEquals(202, first.status(), first.text());
        assertEquals("PENDING", first.json().getString("status"));
        String topUpId = first.json().getString("id");

        provide("SUCCEEDED");
        Reply retry = WalletData.topUp(person, card, 5_000, key);
        assertEquals(201, retry.status(), retry.text());
        assertEquals(topUpId, retry.json().getString("id"));
        assertEquals(5_000, WalletData.balance(person));
        List<Received> charges = received("charges", topUpId);
        assertEquals(2, charges.size(), "charged again, under the same reference");
        assertTrue(charges.stream().allMatch(c -> topUpId.equals(c.header("Idempotency-Key"))));
    }

    @Test
    void aDeclineIsBelievedOnlyWhenTheProviderSignedIt() {
        provide("DECLINED");
        Api person = personWithCard();
        String card = link(person);
        Reply declined = WalletData.topUp(person, card, 5_000, WalletData.key());
        assertEquals(402, declined.status(), declined.text());
        assertEquals("card-declined", declined.problem());

        BankSignature stranger = new BankSignature("somebody-else's-key-0123456789abcdef");
        provider.answer(r -> r.path().endsWith("/charges") ? provider.signed(movement(r, "DECLINED")).signedBy(stranger)
                : provider.status(503, "{}"));
        Reply unsigned = WalletData.topUp(person, card, 5_000, WalletData.key());
        assertEquals(202, unsigned.status(), "a decline we cannot verify may hide a charge: " + unsigned.text());
        assertEquals("PENDING", unsigned.json().getString("status"));
        assertEquals(0, WalletData.balance(person));
    }
}
