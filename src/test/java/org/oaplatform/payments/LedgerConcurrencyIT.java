package org.oaplatform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Logger;
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
import org.oaplatform.testsupport.LockConflictCount;
import org.oaplatform.testsupport.WalletData.Holder;
import org.oaplatform.testsupport.WalletData;

/**
 * A Jepsen-style bank test over HTTP: 32 clients make 500 random transfers each among 24 wallets (so that they
 * collide on the same rows, in both directions, and sometimes overdraw), and every transfer is accepted or returned.
 * Meanwhile one client runs the ledger audit between its transfers; on its snapshot it must pass every time. At the end every balance
 * equals what the acknowledged answers say it must be, the money in the wallets is exactly what was topped up, and no
 * transaction had to be run again after a deadlock or a lock wait (the flows lock in one order).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerConcurrencyIT {

    static final int WALLETS = 24;
    static final int CLIENTS = 32;
    static final int TRANSFERS_PER_CLIENT = 500;
    static final long START_BALANCE = 20_000;
    static final int AUDIT_EVERY = 25;
    private static final Logger LOG = Logger.getLogger(LedgerConcurrencyIT.class.getName());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void thirtyTwoClientsTransferingAtRandomNeverLoseOrMakeMoney() throws Exception {
        List<Holder> holders = new ArrayList<>();
        ExecutorService setup = Executors.newFixedThreadPool(6);
        List<Future<Holder>> making = new ArrayList<>();
        for (int i = 0; i < WALLETS; i++) {
            making.add(setup.submit(() -> WalletData.holder(new Api(base), START_BALANCE)));
        }
        for (Future<Holder> f : making) {
            holders.add(f.get());
        }
        setup.shutdown();

        AtomicLongArray expected = new AtomicLongArray(WALLETS);
        for (int i = 0; i < WALLETS; i++) {
            expected.set(i, START_BALANCE);
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger settled = new AtomicInteger();
        AtomicInteger audits = new AtomicInteger();
        LockConflictCount before = LockConflictCount.now(new Api(base));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            boolean auditing = c == 0;
            running.add(clients.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int t = 0; t < TRANSFERS_PER_CLIENT; t++) {
                    if (auditing && t % AUDIT_EVERY == 0) {
                        // One client audits between its transfers while the others keep posting.
                        WalletData.assertLedgerConsistent(new Api(base));
                        audits.incrementAndGet();
                    }
                    int from = random.nextInt(WALLETS);
                    int to = (from + 1 + random.nextInt(WALLETS - 1)) % WALLETS;
                    long amount = 1 + random.nextInt(3_000);
                    Reply sent = holders.get(from).transfer(holders.get(to).phone(), amount);
                    if (sent.status() == 422 && "insufficient-balance".equals(sent.problem())) {
                        refused.incrementAndGet();
                        continue;
                    }
                    if (sent.status() != 201) {
                        failures.add("send: " + sent);
                        continue;
                    }
                    expected.addAndGet(from, -amount);
                    String id = sent.json().getString("id");
                    boolean accept = random.nextInt(5) > 0;
                    Api receiver = holders.get(to).api().withHeader("Idempotency-Key", WalletData.key());
                    Reply settledReply = receiver.post("api/v1/wallet/transfers/" + id + (accept ? "/accept" : "/return"),
                            "", "application/json");
                    if (settledReply.status() != 200) {
                        failures.add("settle: " + settledReply);
                        continue;
                    }
                    expected.addAndGet(accept ? to : from, amount);
                    settled.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();

        assertTrue(failures.isEmpty(), failures.size() + " unexpected answers, e.g. " + failures.peek());
        LockConflictCount.now(new Api(base)).assertNoneSince(before);
        assertTrue(audits.get() > 0);
        long total = 0;
        for (int i = 0; i < WALLETS; i++) {
            long balance = holders.get(i).balance();
            assertEquals(expected.get(i), balance, "wallet " + i);
            assertTrue(balance >= 0);
            total += balance;
        }
        assertEquals(WALLETS * START_BALANCE, total, "no money made or lost");
        assertEquals(CLIENTS * TRANSFERS_PER_CLIENT, settled.get() + refused.get());
        WalletData.assertLedgerConsistent(new Api(base));
        LOG.info(() -> "bank test: " + settled.get() + " transfers settled, " + refused.get()
                + " refused for insufficient balance, " + audits.get() + " audits under load");
    }
}
