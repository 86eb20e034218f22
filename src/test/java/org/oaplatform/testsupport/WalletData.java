package org.oaplatform.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Wallets for tests, built through the client API: a person with a payment password, a card and money. */
public final class WalletData {

    public static final String PIN = "135790";

    /** A registered person's client, phone and linked card. */
    public record Holder(Api api, String phone, String cardId) {

        public Api.Reply transfer(String to, long amount) {
            return WalletData.transfer(api, to, amount, PIN);
        }

        public long balance() {
            return WalletData.balance(api);
        }
    }

    private WalletData() {
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** A new person with a payment password, a linked card and {@code fen} topped up (none when 0). */
    public static Holder holder(Api api, long fen) {
        String phone = TestData.cnPhone();
        Api person = TestData.person(api, phone);
        Api.Reply pin = person.put("api/v1/wallet/payment-password", Json.createObjectBuilder().add("pin", PIN).build());
        assertEquals(204, pin.status(), pin.text());
        Api.Reply card = link(person, SandboxCards.randomOkDebit(ThreadLocalRandom.current()));
        assertEquals(201, card.status(), card.text());
        Holder holder = new Holder(person, phone, card.json().getString("id"));
        long left = fen;
        while (left > 0) {
            long amount = Math.min(left, 5_000_000);
            Api.Reply topUp = topUp(person, holder.cardId(), amount, key());
            assertEquals(201, topUp.status(), topUp.text());
            left -= amount;
        }
        return holder;
    }

    public static Api.Reply link(Api person, String cardNumber) {
        return person.post("api/v1/wallet/cards", Json.createObjectBuilder().add("number", cardNumber).build());
    }

    public static Api.Reply topUp(Api person, String cardId, long amount, String key) {
        return person.withHeader("Idempotency-Key", key).post("api/v1/wallet/top-ups",
                Json.createObjectBuilder().add("cardId", cardId).add("amount", amount).build());
    }

    public static Api.Reply transfer(Api from, String to, long amount, String pin) {
        return from.withHeader("Idempotency-Key", key()).post("api/v1/wallet/transfers",
                Json.createObjectBuilder().add("to", to).add("amount", amount).add("pin", pin).build());
    }

    public static Api.Reply accept(Api receiver, String transferId) {
        return receiver.withHeader("Idempotency-Key", key()).post("api/v1/wallet/transfers/" + transferId + "/accept",
                "", "application/json");
    }

    public static long balance(Api person) {
        Api.Reply wallet = person.get("api/v1/wallet");
        assertEquals(200, wallet.status(), wallet.text());
        return wallet.json().getJsonNumber("balance").longValueExact();
    }

    /** Runs the ledger audit as the platform admin and fails with its findings unless every invariant holds. */
    public static JsonObject assertLedgerConsistent(Api api) {
        Api admin = new Api(api.base(), TestData.clientAddress());
        admin = admin.as(TestData.adminSession(admin));
        Api.Reply audit = admin.post("api/v1/admin/ledger/audits", "", "application/json");
        assertEquals(201, audit.status(), audit.text());
        JsonObject result = audit.json();
        assertTrue(result.getBoolean("passed"), "ledger audit failed: " + result);
        return result;
    }
}
