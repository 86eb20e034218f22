package org.oaplatform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
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

/** Red packets over the client API: kinds, limits, one share per person, and a crowd racing for few shares. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedPacketsApiIT {

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
    void aLuckyPacketSplitsExactlyAndMarksTheBestLuck() {
        Holder sender = WalletData.holder(new Api(base), 20_000);
        Reply sent = send(sender.api(), packet("LUCKY", 10_000).add("shares", 3).add("greeting", "新年快乐"));
        assertEquals(201, sent.status(), sent.text());
        String id = sent.json().getString("id");
        assertEquals(10_000, sender.balance());
        long total = 0;
        JsonObject last = null;
        for (int i = 0; i < 3; i++) {
            Api claimer = TestData.person(new Api(base), TestData.cnPhone());
            Reply opened = open(claimer, id);
            assertEquals(200, opened.status(), opened.text());
            long mine = opened.json().getJsonNumber("myAmount").longValueExact();
            assertTrue(mine >= 1);
            assertEquals(mine, WalletData.balance(claimer));
            assertEquals("red-packet-already-claimed", open(claimer, id).problem());
            total += mine;
            last = opened.json();
        }
        assertEquals(10_000, total, "the shares add up to the packet, to the fen");
        assertEquals("FINISHED", last.getString("status"));
        JsonArray claims = last.getJsonArray("claims");
        assertEquals(3, claims.size());
        long best = claims.stream().filter(c -> c.asJsonObject().getBoolean("bestLuck")).count();
        assertEquals(1, best, "exactly one share is marked best luck");
        assertEquals("red-packet-empty", open(TestData.person(new Api(base), TestData.cnPhone()), id).problem());
    }

    @Test
    void equalAndOneToOnePackets() {
        Holder sender = WalletData.holder(new Api(base), 20_000);
        Holder friend = WalletData.holder(new Api(base), 0);
        Reply equal = send(sender.api(), packet("EQUAL", 250).add("shares", 4));
        assertEquals(201, equal.status(), equal.text());
        assertEquals(1_000, equal.json().getInt("totalAmount"));
        assertEquals(250, open(friend.api(), equal.json().getString("id")).json().getInt("myAmount"));

        Reply single = send(sender.api(), packet("ONE_TO_ONE", 888).add("to", friend.phone()));
        assertEquals(201, single.status(), single.text());
        String id = single.json().getString("id");
        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        assertEquals("red-packet-unknown", open(stranger, id).problem());
        assertEquals("red-packet-not-for-you", open(sender.api(), id).problem());
        assertEquals(888, open(friend.api(), id).json().getInt("myAmount"));
        assertEquals(250 + 888, friend.balance());
        assertEquals(20_000 - 1_000 - 888, sender.balance());
    }

    @Test
    void impossiblePacketsAreRefused() {
        Holder sender = WalletData.holder(new Api(base), 50_000);
        assertEquals("amount-above-limit", send(sender.api(), packet("LUCKY", 20_001).add("shares", 5)).problem());
        assertEquals("amount-above-limit", send(sender.api(), packet("EQUAL", 201).add("shares", 100)).problem());
        assertEquals("red-packet-invalid", send(sender.api(), packet("LUCKY", 1_000).add("shares", 101)).problem());
        assertEquals("red-packet-invalid", send(sender.api(), packet("LUCKY", 5).add("shares", 6)).problem());
        assertEquals("red-packet-invalid", send(sender.api(), packet("LUCKY", 100)).problem());
        assertEquals("amount-invalid", send(sender.api(), packet("LUCKY", 0).add("shares", 1)).problem());
        assertEquals("recipient-unknown", send(sender.api(), packet("ONE_TO_ONE", 100)).problem());
        assertEquals("validation-failed", send(sender.api(), Json.createObjectBuilder().add("amount", 100)
                .add("pin", WalletData.PIN)).problem());
        assertEquals("malformed-request", send(sender.api(), packet("HUGE", 100).add("shares", 2)).problem());
        assertEquals("payment-password-wrong", send(sender.api(), Json.createObjectBuilder().add("kind", "LUCKY")
                .add("amount", 100).add("shares", 2).add("pin", "999990")).problem());
        Holder poor = WalletData.holder(new Api(base), 100);
        assertEquals("insufficient-balance", send(poor.api(), packet("LUCKY", 200).add("shares", 2)).problem());
        assertEquals(50_000, sender.balance());
        assertEquals(100, poor.balance());
    }

    @Test
    void aHundredPeopleRaceForTenSharesAndExactlyTenWin() throws Exception {
        Holder sender = WalletData.holder(new Api(base), 20_000);
        String id = send(sender.api(), packet("LUCKY", 20_000).add("shares", 10)).json().getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Api>> registering = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                registering.add(pool.submit(() -> TestData.person(new Api(base), TestData.cnPhone())));
            }
            List<Api> crowd = new ArrayList<>();
            for (Future<Api> f : registering) {
                crowd.add(f.get());
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> racing = new ArrayList<>();
            for (Api person : crowd) {
                racing.add(pool.submit(() -> {
                    start.await();
                    return open(person, id);
                }));
            }
            LockConflictCount before = LockConflictCount.now(new Api(base));
            start.countDown();
            int winners = 0;
            long won = 0;
            for (int i = 0; i < racing.size(); i++) {
                Reply reply = racing.get(i).get();
                if (reply.status() == 200) {
                    winners++;
                    won += reply.json().getJsonNumber("myAmount").longValueExact();
                    assertEquals(reply.json().getJsonNumber("myAmount").longValueExact(),
                            WalletData.balance(crowd.get(i)));
                } else {
                    assertEquals("red-packet-empty", reply.problem(), reply.text());
                    assertEquals(0, WalletData.balance(crowd.get(i)));
                }
            }
            assertEquals(10, winners);
            assertEquals(20_000, won);
            LockConflictCount.now(new Api(base)).assertNoneSince(before);
        } finally {
            pool.shutdownNow();
        }
        JsonObject packet = sender.api().get("api/v1/wallet/red-packets/" + id).json();
        assertEquals("FINISHED", packet.getString("status"));
        assertEquals(10, packet.getJsonArray("claims").size());
    }

    /**
     * People send packets and open each other's at the same time, so that sends and opens meet on the same escrow
     * accounts, wallets and indexes. Every flow takes its business row before the ledger accounts, so no transaction
     * may lose a deadlock (retries would hide it from the clients; the server counts them).
     */
    @Test
    void sendsAndOpensRacingNeverDeadlock() throws Exception {
        int people = 12;
        int rounds = 15;
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<Holder>> funding = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                funding.add(pool.submit(() -> WalletData.holder(new Api(base), 50_000)));
            }
            List<Holder> crowd = new ArrayList<>();
            for (Future<Holder> f : funding) {
                crowd.add(f.get());
            }
            List<String> packets = new CopyOnWriteArrayList<>();
            for (Holder holder : crowd) {
                packets.add(send(holder.api(), packet("LUCKY", 1_000).add("shares", 5)).json().getString("id"));
            }
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            LockConflictCount before = LockConflictCount.now(new Api(base));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> racing = new ArrayList<>();
            for (Holder holder : crowd) {
                racing.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int round = 0; round < rounds; round++) {
                        Reply sent = send(holder.api(), packet("LUCKY", 1_000).add("shares", 5));
                        if (sent.status() == 201) {
                            packets.add(sent.json().getString("id"));
                        } else {
                            unexpected.add("send: " + sent);
                        }
                        for (int opening = 0; opening < 2; opening++) {
                            Reply opened = open(holder.api(), packets.get(random.nextInt(packets.size())));
                            if (opened.status() != 200 && !List.of("red-packet-empty", "red-packet-already-claimed")
                                    .contains(opened.problem())) {
                                unexpected.add("open: " + opened);
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : racing) {
                f.get();
            }
            assertTrue(unexpected.isEmpty(), unexpected.size() + " unexpected answers, e.g. " + unexpected.peek());
            LockConflictCount.now(new Api(base)).assertNoneSince(before);
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonObjectBuilder packet(String kind, long amount) {
        return Json.createObjectBuilder().add("kind", kind).add("amount", amount).add("pin", WalletData.PIN);
    }

    private static Reply send(Api sender, JsonObjectBuilder packet) {
        return sender.withHeader("Idempotency-Key", WalletData.key()).post("api/v1/wallet/red-packets", packet.build());
    }

    private static Reply open(Api person, String packetId) {
        return person.withHeader("Idempotency-Key", WalletData.key())
                .post("api/v1/wallet/red-packets/" + packetId + "/open", "", "application/json");
    }
}
