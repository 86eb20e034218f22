package org.oaplatform.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;

/** Merchants for tests, made through the client API (no SDK here, so that in-container tests can use it too). */
final class Shops {

    /** A merchant: its account, its owner (a wallet holder with a card) and the credentials it was given. */
    record Shop(TestData.App app, WalletData.Holder owner, String mchId, String apiKey) {
    }

    private Shops() {
    }

    static Shop shop(Api api) {
        return shop(api, null);
    }

    /** A merchant settled to a card of this sandbox number ({@code SandboxCards}), or to the owner's first card. */
    static Shop shop(Api api, String settlementCardNumber) {
        WalletData.Holder owner = WalletData.holder(api, 0);
        String cardId = owner.cardId();
        if (settlementCardNumber != null) {
            Api.Reply linked = WalletData.link(owner.api(), settlementCardNumber);
            assertEquals(201, linked.status(), linked.text());
            cardId = linked.json().getString("id");
        }
        TestData.App app = TestData.verifiedServiceAccount(owner.api());
        Api.Reply enrolled = owner.api().post("api/v1/official-accounts/" + app.appid() + "/merchant",
                Json.createObjectBuilder().add("settlementCardId", cardId).build());
        assertEquals(201, enrolled.status(), enrolled.text());
        JsonObject body = enrolled.json();
        return new Shop(app, owner, body.getString("mchId"), body.getString("apiKey"));
    }

    /** The payer pays an order from the wallet, with this PIN and Idempotency-Key. */
    static Api.Reply pay(Api person, String orderId, String pin, String key) {
        return person.withHeader("Idempotency-Key", key).post("api/v1/payments/" + orderId + "/pay",
                Json.createObjectBuilder().add("pin", pin).build());
    }
}
