package org.oaplatform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.oaplatform.testsupport.LockConflictCount;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData.Holder;
import org.oaplatform.testsupport.WalletData;

/** Transfers over the client API: escrow, accept, return, statements, idempotent and concurrent retries. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransfersApiIT {

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
    void aTransferWaitsInEscrowUntilTheReceiverAcceptsIt() {
        Holder sender = WalletData.holder(new Api(base), 10_000);
        Holder receiver = WalletData.holder(new Api(base), 0);
        Reply sent = sender.api().withHeader("Idempotency-Key", WalletData.key()).post("api/v1/wallet/transfers",
                Json.createObjectBuilder().add("to", receiver.phone()).add("amount", 2_500).add("memo", "lunch")
                        .add("pin", WalletData.PIN).build());
        assertEquals(201, sent.status(), sent.text());
        JsonObject transfer = sent.json();
        assertEquals("PENDING", transfer.getString("status"));
        assertEquals("lunch", transfer.getString("memo"));
        assertFalse(sent.text().contains(receiver.phone()), "no phone numbers of others in answers");
        assertEquals(7_500, sender.balance());
        assertEquals(0, receiver.balance(), "not credited before it is accepted");

        String id = transfer.getString("id");
        assertEquals("PENDING", receiver.api().get("api/v1/wallet/transfers/" + id).json().getString("status"));
        assertEquals("transfer-unknown", TestData.person(new Api(base), TestData.cnPhone())
                .get("api/v1/wallet/transfers/" + id).problem());
        Reply ownAccept = WalletData.accept(sender.api(), id);
        assertEquals(403, ownAccept.status(), ownAccept.text());
        assertEquals("forbidden", ownAccept.problem(), "the sender cannot accept it");

        Reply accepted = WalletData.accept(receiver.api(), id);
        assertEquals(200, accepted.status(), accepted.text());
        assertEquals("ACCEPTED", accepted.json().getString("status"));
        assertEquals(2_500, receiver.balance());
        Reply again = WalletData.accept(receiver.api(), id);
        assertEquals(409, again.status());
        assertEquals("transfer-not-pending", again.problem());
        assertEquals(2_500, receiver.balance());

        JsonObject out = sender.api().get("api/v1/wallet/transactions?type=TRANSFER_SENT").json()
                .getJsonArray("entries").getJsonObject(0);
        assertEquals(-2_500, out.getInt("amount"));
        assertEquals(7_500, out.getInt("balanceAfter"));
        assertEquals("ACCEPTED", out.getString("status"), "the sender's line shows where the transfer stands now");
        assertEquals("lunch", out.getString("memo"));
        assertEquals("PERSON", out.getJsonObject("counterpart").getString("kind"));
        JsonObject in = receiver.api().get("api/v1/wallet/transactions?direction=IN").json()
                .getJsonArray("entries").getJsonObject(0);
        assertEquals("TRANSFER_ACCEPTED", in.getString("type"));
        assertEquals(2_500, in.getInt("amount"));
        assertEquals(id, in.getString("reference"));
        assertTrue(in.getJsonObject("counterpart").getString("name").startsWith("Tester"));
    }

    @Test
    void theReceiverMayReturnItAtOnce() {
        Holder sender = WalletData.holder(new Api(base), 10_000);
        Holder receiver = WalletData.holder(new Api(base), 0);
        String id = sender.transfer(receiver.phone(), 4_000).json().getString("id");
        Reply returned = receiver.api().withHeader("Idempotency-Key", WalletData.key())
                .post("api/v1/wallet/transfers/" + id + "/return", "", "application/json");
        assertEquals(200, returned.status(), returned.text());
        assertEquals("RETURNED", returned.json().getString("status"));
        assertEquals(10_000, sender.balance());
        assertEquals(0, receiver.balance());
        assertEquals("transfer-not-pending", WalletData.accept(receiver.api(), id).problem());
    }

    @Test
    void badTransfersAreRefusedAndMoveNothing() {
        Holder sender = WalletData.holder(new Api(base), 1_000);
        Holder receiver = WalletData.holder(new Api(base), 0);
        Api noPassword = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals("insufficient-balance", sender.transfer(receiver.phone(), 1_001).problem());
        assertEquals("amount-invalid", sender.transfer(receiver.phone(), 0).problem());
        assertEquals("amount-invalid", sender.transfer(receiver.phone(), -100).problem());
        assertEquals("amount-above-limit", sender.transfer(receiver.phone(), 5_000_001).problem());
        assertEquals("self-transfer", sender.transfer(sender.phone(), 100).problem());
        assertEquals("recipient-unknown", sender.transfer("nobody_" + TestData.digits(8), 100).problem());
        assertEquals("payment-password-not-set",
                WalletData.transfer(noPassword, receiver.phone(), 100, WalletData.PIN).problem());
        Reply noPin = sender.api().withHeader("Idempotency-Key", WalletData.key()).post("api/v1/wallet/transfers",
                Json.createObjectBuilder().add("to", receiver.phone()).add("amount", 100).build());
        assertEquals("payment-password-wrong", noPin.problem());
        assertEquals("transfer-unknown", WalletData.accept(receiver.api(), "trf_0000000000000000").problem());
        assertEquals(1_000, sender.balance());
        assertEquals(0, receiver.balance());
    }

    @Test
    void aRetryReplaysTheFirstAnswerAndConcurrentRetriesRunOnce() throws Exception {
        Holder sender = WalletData.holder(new Api(base), 10_000);
        Holder receiver = WalletData.holder(new Api(base), 0);
        String key = WalletData.key();
        Api keyed = sender.api().withHeader("Idempotency-Key", key);
        JsonObject body = Json.createObjectBuilder().add("to", receiver.phone()).add("amount", 700)
                .add("pin", WalletData.PIN).build();
        LockConflictCount before = LockConflictCount.now(new Api(base));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(pool.submit(() -> keyed.post("api/v1/wallet/transfers", body)));
            }
            Set<String> answers = new HashSet<>();
            for (Future<Reply> f : racing) {
                Reply reply = f.get();
                assertEquals(201, reply.status(), reply.text());
                answers.add(reply.text());
            }
            assertEquals(1, answers.size(), "every racer got the one transfer");
            LockConflictCount.now(new Api(base)).assertNoneSince(before);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(9_300, sender.balance(), "the money moved once");
        JsonArray sentLines = sender.api().get("api/v1/wallet/transactions?type=TRANSFER_SENT").json()
                .getJsonArray("entries");
        assertEquals(1, sentLines.size());

        Reply changed = keyed.post("api/v1/wallet/transfers", Json.createObjectBuilder().add("to", receiver.phone())
                .add("amount", 701).add("pin", WalletData.PIN).build());
        assertEquals(422, changed.status());
        assertEquals("idempotency-key-reused", changed.problem());
        assertEquals(9_300, sender.balance());
    }
}
