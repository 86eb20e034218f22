package org.oaplatform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.SandboxCards;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData.Holder;
import org.oaplatform.testsupport.WalletData;

/** The wallet over the client API: payment password, cards, top-up, withdrawal, and every bad input they refuse. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WalletApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @AfterEach
    void ledgerStillHolds() {
        WalletData.assertLedgerConsistent(new Api(base));
    }

    @Test
    void aNewWalletIsEmptyAndAsksForAPaymentPassword() {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject wallet = person.get("api/v1/wallet").json();
        assertEquals(0, wallet.getInt("balance"));
        assertEquals("CNY", wallet.getString("currency"));
        assertFalse(wallet.getBoolean("paymentPasswordSet"));
        assertEquals(100_000, wallet.getInt("freeWithdrawalQuotaLeft"));
        assertEquals(401, new Api(base).get("api/v1/wallet").status());
    }

    @Test
    void paymentPasswordsAreSixNonTrivialDigitsAndChangingOneNeedsTheCurrent() {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        for (String weak : List.of("12345", "1234567", "abcdef", "111111", "123456", "654321")) {
            Reply refused = person.put("api/v1/wallet/payment-password", Json.createObjectBuilder().add("pin", weak).build());
            assertEquals(400, refused.status(), weak);
            assertEquals("payment-password-invalid", refused.problem());
        }
        assertEquals(204, person.put("api/v1/wallet/payment-password",
                Json.createObjectBuilder().add("pin", "135790").build()).status());
        assertTrue(person.get("api/v1/wallet").json().getBoolean("paymentPasswordSet"));
        Reply withoutCurrent = person.put("api/v1/wallet/payment-password",
                Json.createObjectBuilder().add("pin", "246801").build());
        assertEquals("payment-password-wrong", withoutCurrent.problem());
        Reply wrongCurrent = person.put("api/v1/wallet/payment-password",
                Json.createObjectBuilder().add("pin", "246801").add("currentPin", "999990").build());
        assertEquals(403, wrongCurrent.status());
        assertEquals(204, person.put("api/v1/wallet/payment-password",
                Json.createObjectBuilder().add("pin", "246801").add("currentPin", "135790").build()).status());
    }

    @Test
    void cardsAreCheckedByLuhnAndTheBankAndStoredWithoutTheirNumber() {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals("card-number-invalid", WalletData.link(person, SandboxCards.LUHN_INVALID).problem());
        assertEquals("card-number-invalid", WalletData.link(person, "1234").problem());
        assertEquals("card-number-invalid", WalletData.link(person, "6222-0200-0003-12x4").problem());
        Reply declined = WalletData.link(person, SandboxCards.DECLINED_AT_LINK);
        assertEquals(402, declined.status());
        assertEquals("card-declined", declined.problem());
        Reply timedOut = WalletData.link(person, SandboxCards.LINK_TIMES_OUT);
        assertEquals(504, timedOut.status());
        assertEquals("bank-unavailable", timedOut.problem());

        Reply linked = WalletData.link(person, "6222 0200 0003 1234");
        assertEquals(201, linked.status(), linked.text());
        JsonObject card = linked.json();
        assertEquals("1234", card.getString("lastFour"));
        assertEquals("Industrial and Commercial Bank of China", card.getString("bankName"));
        assertEquals("DEBIT", card.getString("cardType"));
        assertFalse(linked.text().contains("622202000003"), "the number never comes back");
        assertEquals("card-already-linked", WalletData.link(person, SandboxCards.OK_DEBIT).problem());

        assertEquals(1, person.get("api/v1/wallet/cards").array().size());
        assertEquals(204, person.delete("api/v1/wallet/cards/" + card.getString("id")).status());
        assertEquals(0, person.get("api/v1/wallet/cards").array().size());
        assertEquals("card-unknown", person.delete("api/v1/wallet/cards/" + card.getString("id")).problem());
        assertEquals(201, WalletData.link(person, SandboxCards.OK_DEBIT).status(), "a removed card can be linked again");
    }

    @Test
    void topUpMovesMoneyOnceAndReplaysTheFirstAnswer() {
        Holder holder = WalletData.holder(new Api(base), 0);
        String key = WalletData.key();
        Reply first = WalletData.topUp(holder.api(), holder.cardId(), 12_345, key);
        assertEquals(201, first.status(), first.text());
        assertEquals(12_345, first.json().getInt("balance"));
        assertEquals("SUCCEEDED", first.json().getString("status"));
        Reply followed = holder.api().get("api/v1/wallet/top-ups/" + first.json().getString("id"));
        assertEquals(12_345, followed.json().getInt("balance"), followed.text());
        Reply retry = WalletData.topUp(holder.api(), holder.cardId(), 12_345, key);
        assertEquals(201, retry.status());
        assertEquals(first.text(), retry.text(), "a retry gets the first answer, byte for byte");
        assertEquals(12_345, holder.balance());

        Reply otherAmount = WalletData.topUp(holder.api(), holder.cardId(), 500, key);
        assertEquals(422, otherAmount.status());
        assertEquals("idempotency-key-reused", otherAmount.problem());
        Reply noKey = holder.api().post("api/v1/wallet/top-ups", Json.createObjectBuilder()
                .add("cardId", holder.cardId()).add("amount", 100).build());
        assertEquals(400, noKey.status());
        assertEquals("idempotency-key-missing", noKey.problem());
        assertEquals(12_345, holder.balance());

        JsonObject statement = holder.api().get("api/v1/wallet/transactions").json();
        assertEquals(12_345, statement.getInt("balance"));
        JsonObject entry = statement.getJsonArray("entries").getJsonObject(0);
        assertEquals("TOP_UP", entry.getString("type"));
        assertEquals(12_345, entry.getInt("amount"));
        assertEquals("BANK_CARD", entry.getJsonObject("counterpart").getString("kind"));
        assertTrue(entry.getJsonObject("counterpart").getString("name").contains("••••"), entry.toString());
        assertEquals("SUCCEEDED", entry.getString("status"));
    }

    @Test
    void badAmountsAndFailingBanksMoveNothing() {
        Holder holder = WalletData.holder(new Api(base), 1_000);
        Api api = holder.api();
        for (long amount : new long[] {0, -5}) {
            Reply refused = WalletData.topUp(api, holder.cardId(), amount, WalletData.key());
            assertEquals(400, refused.status());
            assertEquals("amount-invalid", refused.problem());
        }
        Reply tooMuch = WalletData.topUp(api, holder.cardId(), 5_000_001, WalletData.key());
        assertEquals(422, tooMuch.status());
        assertEquals("amount-above-limit", tooMuch.problem());
        Reply notJson = api.withHeader("Idempotency-Key", WalletData.key()).post("api/v1/wallet/top-ups",
                "{\"cardId\":", "application/json");
        assertEquals(400, notJson.status());
        Reply missingAmount = api.withHeader("Idempotency-Key", WalletData.key()).post("api/v1/wallet/top-ups",
                Json.createObjectBuilder().add("cardId", holder.cardId()).build());
        assertEquals("validation-failed", missingAmount.problem());

        String declining = WalletData.link(api, SandboxCards.CHARGE_DECLINED).json().getString("id");
        String key = WalletData.key();
        Reply declined = WalletData.topUp(api, declining, 100, key);
        assertEquals(402, declined.status(), declined.text());
        assertEquals("card-declined", declined.problem());
        assertEquals(201, WalletData.topUp(api, holder.cardId(), 100, key).status(),
                "a refused request leaves no key behind: a retry with it may go elsewhere");
        assertEquals(1_100, holder.balance());
    }

    @Test
    void aTopUpTheBankDoesNotAnswerStaysPendingAndCanBeFollowed() {
        Holder holder = WalletData.holder(new Api(base), 1_000);
        Api api = holder.api();
        String slow = WalletData.link(api, SandboxCards.BANK_TIMES_OUT).json().getString("id");
        String key = WalletData.key();
        Reply pending = WalletData.topUp(api, slow, 100, key);
        assertEquals(202, pending.status(), pending.text());
        JsonObject topUp = pending.json();
        assertEquals("PENDING", topUp.getString("status"));
        assertEquals(100, topUp.getInt("amount"));
        assertFalse(topUp.containsKey("balance"), "nothing is credited before the bank confirms: " + topUp);
        assertEquals(1_000, holder.balance());

        Reply retry = WalletData.topUp(api, slow, 100, key);
        assertEquals(202, retry.status(), "a retry asks the bank again and is still waiting");
        assertEquals(topUp.getString("id"), retry.json().getString("id"));
        assertEquals("idempotency-key-reused", WalletData.topUp(api, holder.cardId(), 100, key).problem(),
                "the key is taken while its top-up is pending");

        JsonObject statement = api.get("api/v1/wallet/transactions").json();
        JsonArray waiting = statement.getJsonArray("pending");
        assertEquals(1, waiting.size(), statement.toString());
        assertEquals(topUp.getString("id"), waiting.getJsonObject(0).getString("id"));
        assertEquals("TOP_UP", waiting.getJsonObject(0).getString("type"));
        assertEquals(100, waiting.getJsonObject(0).getInt("amount"));
        assertEquals("PENDING", waiting.getJsonObject(0).getString("status"));
        assertEquals("BANK_CARD", waiting.getJsonObject(0).getJsonObject("counterpart").getString("kind"));
        assertEquals(1_000, statement.getInt("balance"));
        JsonArray entries = statement.getJsonArray("entries");
        assertEquals(1, entries.size(), "only the funding top-up is in the ledger: " + statement);
        for (String notInflowsNow : List.of("direction=OUT", "type=TRANSFER_SENT", "from=2999-01-01T00:00:00Z",
                "to=2000-01-01T00:00:00Z", "before=" + entries.getJsonObject(0).getString("id"))) {
            JsonObject filtered = api.get("api/v1/wallet/transactions?" + notInflowsNow).json();
            assertEquals(0, filtered.getJsonArray("pending").size(), notInflowsNow + ": " + filtered);
        }
        assertEquals(1, api.get("api/v1/wallet/transactions?type=TOP_UP&direction=IN").json()
                .getJsonArray("pending").size());

        Reply followed = api.get("api/v1/wallet/top-ups/" + topUp.getString("id"));
        assertEquals(200, followed.status(), followed.text());
        assertEquals("PENDING", followed.json().getString("status"));
        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals("top-up-unknown", stranger.get("api/v1/wallet/top-ups/" + topUp.getString("id")).problem());
        assertEquals(404, api.get("api/v1/wallet/top-ups/top_0000000000000000").status());
        assertEquals(1_000, holder.balance());

        Api admin = new Api(base);
        admin = admin.as(TestData.adminSession(admin));
        Reply postings = admin.get("api/v1/admin/ledger/postings/" + topUp.getString("id"));
        assertEquals(404, postings.status(), postings.text());
        assertTrue(postings.json().getString("detail").contains("has no posting: it is PENDING"), postings.text());
    }

    @Test
    void withdrawalsAreFreeForTheFirstThousandYuanThenCostOneInAThousand() {
        Holder holder = WalletData.holder(new Api(base), 300_000);
        Api api = holder.api();
        JsonObject quote = api.get("api/v1/wallet/withdrawal-fee?amount=200000").json();
        assertEquals(100, quote.getInt("fee"), "(2000 - 1000) CNY × 0.1 % = 1 CNY");
        assertEquals(200_100, quote.getInt("debited"));

        Reply free = withdraw(api, holder.cardId(), 60_000, WalletData.PIN);
        assertEquals(201, free.status(), free.text());
        assertEquals(0, free.json().getInt("fee"));
        assertEquals("PROCESSING", free.json().getString("status"));
        Reply crossing = withdraw(api, holder.cardId(), 50_000, WalletData.PIN);
        assertEquals(10, crossing.json().getInt("fee"), "10 000 fen over the quota: 10 fen, the minimum");
        Reply paid = withdraw(api, holder.cardId(), 150_000, WalletData.PIN);
        assertEquals(150, paid.json().getInt("fee"));
        assertEquals(300_000 - 60_000 - 50_010 - 150_150, holder.balance());
        assertEquals(0, api.get("api/v1/wallet").json().getInt("freeWithdrawalQuotaLeft"));

        Reply tooMuch = withdraw(api, holder.cardId(), 40_000, WalletData.PIN);
        assertEquals(422, tooMuch.status());
        assertEquals("insufficient-balance", tooMuch.problem());
        assertEquals("payment-password-wrong", withdraw(api, holder.cardId(), 100, "999990").problem());
        String credit = WalletData.link(api, SandboxCards.CREDIT_OK).json().getString("id");
        assertEquals("card-declined", withdraw(api, credit, 100, WalletData.PIN).problem());
        assertEquals(39_840, holder.balance());

        JsonObject statement = api.get("api/v1/wallet/transactions?type=WITHDRAWAL&direction=OUT&limit=2").json();
        assertEquals(2, statement.getJsonArray("entries").size());
        assertEquals(-150_150, statement.getJsonArray("entries").getJsonObject(0).getInt("amount"));
        String before = statement.getString("nextBefore");
        JsonObject older = api.get("api/v1/wallet/transactions?type=WITHDRAWAL&limit=2&before=" + before).json();
        assertEquals(1, older.getJsonArray("entries").size());
        assertNull(older.get("nextBefore"));
        assertEquals("validation-failed", api.get("api/v1/wallet/transactions?from=yesterday").problem());
    }

    @Test
    void queryParametersThatDoNotConvertAreRefusedByName() {
        Api api = WalletData.holder(new Api(base), 0).api();
        Reply kind = api.get("api/v1/wallet/transactions?type=TRANSFER_SENT&type=LOTTERY");
        assertEquals(400, kind.status(), kind.text());
        assertEquals("validation-failed", kind.problem());
        JsonObject error = kind.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("type", error.getString("field"));
        assertTrue(error.getString("message").startsWith("must be one of ")
                && error.getString("message").contains("TRANSFER_SENT"), "names the accepted kinds: " + kind.text());
        assertRefused(api.get("api/v1/wallet/transactions?direction=SIDEWAYS"), "direction", "IN, OUT");
        assertRefused(api.get("api/v1/wallet/transactions?limit=ten"), "limit", "must be a whole number");
        for (String limit : List.of("0", "101")) {
            Reply outOfRange = api.get("api/v1/wallet/transactions?limit=" + limit);
            assertEquals(400, outOfRange.status(), outOfRange.text());
            assertEquals("validation-failed", outOfRange.problem());
            assertTrue(outOfRange.json().getString("detail").contains("limit must be between 1 and 100"));
        }
        assertRefused(api.get("api/v1/wallet/withdrawal-fee?amount=1.5"), "amount", "must be a whole number");
        assertEquals(404, api.get("api/v1/wallet/transactions/extra").status(), "a wrong path is still not found");
    }

    private static void assertRefused(Reply reply, String field, String messagePart) {
        assertEquals(400, reply.status(), reply.text());
        assertEquals("validation-failed", reply.problem());
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(field, error.getString("field"));
        assertTrue(error.getString("message").contains(messagePart), reply.text());
        assertTrue(reply.json().getString("detail").startsWith(field + ": "), reply.text());
    }

    @Test
    void wrongPaymentPasswordsLockItForThreeHours() {
        Holder sender = WalletData.holder(new Api(base), 10_000);
        Holder receiver = WalletData.holder(new Api(base), 0);
        for (int i = 1; i < 5; i++) {
            Reply wrong = WalletData.transfer(sender.api(), receiver.phone(), 100, "000001");
            assertEquals(403, wrong.status());
            assertTrue(wrong.json().getString("detail").contains((5 - i) + " tries left"), wrong.text());
        }
        Reply locking = WalletData.transfer(sender.api(), receiver.phone(), 100, "000001");
        assertEquals(423, locking.status());
        assertEquals("payment-password-locked", locking.problem());
        Reply evenRight = sender.transfer(receiver.phone(), 100);
        assertEquals("payment-password-locked", evenRight.problem(), "the right password does not open the lock");
        assertTrue(sender.api().get("api/v1/wallet").json().containsKey("paymentPasswordLockedUntil"));
        assertEquals(10_000, sender.balance());

        Api admin = new Api(base);
        admin = admin.as(TestData.adminSession(admin));
        assertTrue(admin.get("api/v1/admin/ledger/locked-payment-passwords").text().contains(sender.phone()));
        assertEquals(403, sender.api().get("api/v1/admin/ledger/locked-payment-passwords").status());
        assertEquals(204, admin.post("api/v1/admin/ledger/locked-payment-passwords/" + sender.phone() + "/unlock", "",
                "application/json").status());
        assertEquals(201, sender.transfer(receiver.phone(), 100).status());
    }

    private static Reply withdraw(Api person, String cardId, long amount, String pin) {
        return person.withHeader("Idempotency-Key", WalletData.key()).post("api/v1/wallet/withdrawals",
                Json.createObjectBuilder().add("cardId", cardId).add("amount", amount).add("pin", pin).build());
    }
}
