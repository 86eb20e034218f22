package org.oaplatform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.payments.boundary.BankCards;
import org.oaplatform.payments.boundary.IdempotentRequests.Outcome;
import org.oaplatform.payments.boundary.IdempotentRequests;
import org.oaplatform.payments.boundary.Ledger;
import org.oaplatform.payments.boundary.LedgerAudit;
import org.oaplatform.payments.boundary.RedPackets;
import org.oaplatform.payments.boundary.Statements;
import org.oaplatform.payments.boundary.TopUps;
import org.oaplatform.payments.boundary.Transfers;
import org.oaplatform.payments.boundary.Wallets;
import org.oaplatform.payments.boundary.Withdrawals;
import org.oaplatform.payments.control.BankGateway.MovementStatus;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.RedPacketKind;
import org.oaplatform.payments.entity.RedPacketStatus;
import org.oaplatform.payments.entity.TopUp;
import org.oaplatform.payments.entity.TopUpStatus;
import org.oaplatform.payments.entity.Transfer;
import org.oaplatform.payments.entity.TransferStatus;
import org.oaplatform.payments.entity.WithdrawalStatus;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.RequestContext;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.MovableClock;
import org.oaplatform.testsupport.SandboxCards;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.WalletData;

/**
 * The wallet's deadlines, checked in the server with the clock moved: transfers expire after 24 hours exactly once
 * (also when the receiver accepts at that very moment), red packets give back their rest, a locked payment password
 * opens after 3 hours, a payout that fails at the bank is reversed, and a payment password stored in an older form
 * is re-hashed on its next correct entry.
 */
@ExtendWith(ArquillianExtension.class)
class WalletTimeTravelIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock();
    }

    @Inject
    MovableClock clock;

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
    Transfers transfers;

    @Inject
    RedPackets packets;

    @Inject
    Withdrawals withdrawals;

    @Inject
    Statements statements;

    @Inject
    LedgerAudit audit;

    @Inject
    Ledger ledger;

    @Inject
    IdempotentRequests idempotent;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @BeforeEach
    void actFromAnAddressOfOurOwn() {
        request.begin("wallet-time-travel-test", TestData.clientAddress());
    }

    @AfterEach
    void ledgerHoldsAndBackToNow() {
        clock.reset();
        var run = audit.run();
        assertTrue(run.passed(), "ledger audit failed: " + run.findings());
    }

    @Test
    void theAuditFindsPostingsWhoseLegsDoNotBalance() throws Exception {
        // negative ids: no posting the application makes has one; rolled back at the end
        transaction.begin();
        try {
            em.createNativeQuery("INSERT INTO posting (id, public_id, kind, reference, posted_at)"
                    + " VALUES (-1, 'pst_auditnolegs00001', 'TOP_UP', 'top_nolegs', NOW(6)),"
                    + " (-2, 'pst_auditonesided001', 'TOP_UP', 'top_onesided', NOW(6))").executeUpdate();
            long account = ((Number) em.createNativeQuery("SELECT MIN(id) FROM ledger_account").getSingleResult())
                    .longValue();
            em.createNativeQuery("INSERT INTO posting_leg (id, posting_id, account_id, amount, balance_after,"
                    + " posted_at) VALUES (-1, -2, ?, 5, 0, NOW(6))").setParameter(1, account).executeUpdate();
            var run = audit.run();
            assertFalse(run.passed());
            assertTrue(run.findings().contains("pst_auditnolegs00001"), run.findings());
            assertTrue(run.findings().contains("pst_auditonesided001"), run.findings());
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void anUnacceptedTransferGoesBackAfter24HoursExactlyOnce() {
        long sender = funded(10_000);
        long receiver = person();
        String id = transfers.send(sender, phoneOf(receiver), 3_000L, null, WalletData.PIN).id();
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        transfers.expireDue();
        assertEquals(TransferStatus.PENDING, transfers.get(sender, id).status(), "not yet");
        clock.advance(Duration.ofMinutes(1));
        BusinessException late = assertThrows(BusinessException.class, () -> transfers.accept(receiver, id));
        assertEquals(PaymentError.TRANSFER_EXPIRED, late.code(), "refused at 24 h even before the refund ran");
        assertTrue(transfers.expireDue() >= 1, "other tests' transfers may be due as well");
        transfers.expireDue();
        assertEquals(TransferStatus.EXPIRED, transfers.get(sender, id).status());
        assertEquals(2, postingsOf(id).size(), "sent and refunded, exactly once");
        assertEquals(10_000, wallets.view(sender).balance());
        assertEquals(0, wallets.view(receiver).balance());
        assertEquals(PaymentError.TRANSFER_EXPIRED,
                assertThrows(BusinessException.class, () -> transfers.accept(receiver, id)).code());
    }

    @Test
    void acceptAndExpiryRacingAtTheDeadlineSettleEachTransferOnce() throws Exception {
        long sender = funded(100_000);
        long receiver = person();
        int rounds = 12;
        for (int round = 0; round < rounds; round++) {
            clock.reset();
            String id = transfers.send(sender, phoneOf(receiver), 1_000L, null, WalletData.PIN).id();
            long transferId = transferId(id);
            clock.advance(Duration.ofHours(24).minusMillis(ThreadLocalRandom.current().nextInt(1, 30)));
            CountDownLatch start = new CountDownLatch(1);
            Future<Boolean> accepting = executor.submit(() -> {
                start.await();
                try {
                    transfers.accept(receiver, id);
                    return true;
                } catch (BusinessException e) {
                    assertEquals(PaymentError.TRANSFER_EXPIRED, e.code(), e.getMessage());
                    return false;
                }
            });
            Future<Boolean> expiring = executor.submit(() -> {
                start.await();
                boolean expired = false;
                for (int i = 0; i < 40 && !expired; i++) {
                    expired = transfers.expire(transferId);
                }
                return expired;
            });
            Future<?> ticking = executor.submit(() -> {
                start.await();
                clock.advance(Duration.ofMillis(30));
                return null;
            });
            start.countDown();
            boolean accepted = accepting.get();
            boolean expired = expiring.get();
            ticking.get();
            assertFalse(accepted && expired, "round " + round + ": both accept and expiry moved the money");
            clock.advance(Duration.ofMinutes(1));
            transfers.expire(transferId);
            TransferStatus status = transfers.get(sender, id).status();
            assertEquals(accepted ? TransferStatus.ACCEPTED : TransferStatus.EXPIRED, status, "round " + round);
            assertEquals(2, postingsOf(id).size(), "round " + round + ": sent and settled, nothing more");
        }
        long received = wallets.view(receiver).balance();
        assertEquals(100_000, wallets.view(sender).balance() + received);
        assertEquals(0, received % 1_000);
    }

    @Test
    void whatNobodyClaimedOfARedPacketGoesBackAfter24Hours() {
        long sender = funded(10_000);
        String id = packets.send(sender, RedPacketKind.LUCKY, 5_000L, 5, null, null, WalletData.PIN).id();
        long first = person();
        long second = person();
        long claimed = packets.claim(first, id).myAmount() + packets.claim(second, id).myAmount();
        clock.advance(Duration.ofHours(24));
        BusinessException late = assertThrows(BusinessException.class, () -> packets.claim(person(), id));
        assertEquals(PaymentError.RED_PACKET_EXPIRED, late.code());
        assertTrue(packets.refundDue() >= 1, "other tests' packets may be due as well");
        packets.refundDue();
        assertEquals(4, postingsOf(id).size(), "sent, two claims and one refund, exactly once");
        assertEquals(RedPacketStatus.EXPIRED, packets.get(sender, id).status());
        assertEquals(10_000 - claimed, wallets.view(sender).balance());
    }

    @Test
    void anIdempotencyKeyIsRememberedForADayThenForgotten() {
        long sender = funded(10_000);
        String receiverPhone = phoneOf(person());
        String key = WalletData.key();
        String fingerprint = IdempotentRequests.fingerprint("transfer", receiverPhone, 100L, null);
        Outcome first = idempotent.once(sender, key, fingerprint, 201,
                () -> transfers.send(sender, receiverPhone, 100L, null, WalletData.PIN));
        assertFalse(first.replayed());

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        idempotent.prune();
        Outcome retried = idempotent.once(sender, key, fingerprint, 201, () -> {
            throw new AssertionError("a retry within the day must not run again");
        });
        assertTrue(retried.replayed());
        assertEquals(first.body(), retried.body());

        clock.advance(Duration.ofMinutes(2));
        assertTrue(idempotent.prune() >= 1, "other tests' keys may be due as well");
        String otherFingerprint = IdempotentRequests.fingerprint("transfer", receiverPhone, 200L, null);
        Outcome reused = idempotent.once(sender, key, otherFingerprint, 201,
                () -> transfers.send(sender, receiverPhone, 200L, null, WalletData.PIN));
        assertFalse(reused.replayed(), "after the retention the key starts a new request");
        assertEquals(10_000 - 100 - 200, wallets.view(sender).balance());
    }

    @Test
    void aLockedPaymentPasswordOpensAfterThreeHours() {
        long owner = funded(1_000);
        long receiver = person();
        for (int i = 0; i < 5; i++) {
            assertThrows(BusinessException.class,
                    () -> transfers.send(owner, phoneOf(receiver), 100L, null, "000001"));
        }
        clock.advance(Duration.ofHours(2).plusMinutes(59));
        assertEquals(PaymentError.PAYMENT_PASSWORD_LOCKED, assertThrows(BusinessException.class,
                () -> transfers.send(owner, phoneOf(receiver), 100L, null, WalletData.PIN)).code());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(TransferStatus.PENDING,
                transfers.send(owner, phoneOf(receiver), 100L, null, WalletData.PIN).status());
        assertEquals(PaymentError.PAYMENT_PASSWORD_WRONG, assertThrows(BusinessException.class,
                () -> transfers.send(owner, phoneOf(receiver), 100L, null, "000001")).code(),
                "after the lock the count starts again");
    }

    /** Installations that set OA_SECRET_KEY later, or older iteration counts, left PINs in a weaker form. */
    @Test
    void aPaymentPasswordStoredInAnOlderFormIsRehashedOnItsNextCorrectEntry() throws Exception {
        long owner = person();
        wallets.setPassword(owner, WalletData.PIN, null);
        String older = olderHash(WalletData.PIN);
        transaction.begin();
        em.createNativeQuery("UPDATE wallet SET pin_hash = ?1 WHERE person_id = ?2").setParameter(1, older)
                .setParameter(2, owner).executeUpdate();
        transaction.commit();

        assertEquals(PaymentError.PAYMENT_PASSWORD_WRONG,
                assertThrows(BusinessException.class, () -> wallets.requirePassword(owner, "000001")).code());
        assertEquals(older, storedPin(owner), "a wrong entry changes nothing");

        wallets.requirePassword(owner, WalletData.PIN);
        String rehashed = storedPin(owner);
        assertNotEquals(older, rehashed);
        assertTrue(rehashed.startsWith("pbkdf2-sha256$1000$"), rehashed);
        wallets.requirePassword(owner, WalletData.PIN);
        assertEquals(rehashed, storedPin(owner), "the current form is kept");
        assertEquals(PaymentError.PAYMENT_PASSWORD_WRONG,
                assertThrows(BusinessException.class, () -> wallets.requirePassword(owner, "000001")).code());
    }

    @Test
    void aPayoutThatFailsAtTheBankIsReversedWithItsFeeAndQuota() {
        long owner = funded(300_000);
        String failing = cards.link(owner, SandboxCards.PAYOUT_FAILS_LATER).id();
        String working = cards.link(owner, SandboxCards.OK_DEBIT_2).id();
        var lost = withdrawn(owner, failing, 150_000L);
        assertEquals(50, lost.fee());
        assertEquals(WithdrawalStatus.PROCESSING, lost.status());
        assertEquals(300_000 - 150_050, wallets.view(owner).balance());
        assertEquals(0, wallets.view(owner).freeWithdrawalQuotaLeft());
        var fine = withdrawn(owner, working, 10_000L);
        withdrawals.settleProcessing();
        assertEquals(WithdrawalStatus.PROCESSING, withdrawals.get(owner, lost.id()).status(),
                "the bank is asked only once a call to it could no longer be on its way");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(withdrawals.settleProcessing() >= 2, "other tests' payouts may be processing as well");
        assertEquals(WithdrawalStatus.FAILED, withdrawals.get(owner, lost.id()).status());
        assertEquals(WithdrawalStatus.SUCCEEDED, withdrawals.get(owner, fine.id()).status());
        assertEquals(300_000 - 10_010, wallets.view(owner).balance(), "amount and fee of the failed payout are back");
        assertEquals(100_000, wallets.view(owner).freeWithdrawalQuotaLeft(), "the failed payout's quota is back");
        withdrawals.settleProcessing();
        assertEquals(3, postingsOf(lost.id()).size() + postingsOf(fine.id()).size(),
                "two payouts and one reversal, settled once");
    }

    @Test
    void aPayoutTheBankDidNotAnswerIsDebitedFirstAndReversedWhenTheBankNeverGotIt() {
        long owner = funded(50_000);
        String slow = cards.link(owner, SandboxCards.BANK_TIMES_OUT).id();
        var unanswered = withdrawn(owner, slow, 20_000L);
        assertEquals(WithdrawalStatus.PROCESSING, unanswered.status(), "recorded and debited before the bank was asked");
        assertEquals(30_000, wallets.view(owner).balance());
        clock.advance(Duration.ofMinutes(1));
        withdrawals.settleProcessing();
        assertEquals(WithdrawalStatus.FAILED, withdrawals.get(owner, unanswered.id()).status());
        assertEquals(50_000, wallets.view(owner).balance());
        assertEquals(2, postingsOf(unanswered.id()).size(), "the debit and its reversal");
    }

    @Test
    void aTopUpWhoseBankAnswerWasLostIsCreditedOnceTheBankConfirmsIt() {
        long owner = person();
        String card = cards.link(owner, SandboxCards.CHARGE_ANSWER_LOST).id();
        String key = WalletData.key();
        Outcome first = topUps.topUp(owner, key, card, 5_000L);
        assertEquals(202, first.status(), first.body());
        String id = first.resourceId();
        assertEquals(TopUpStatus.PENDING, topUps.get(owner, id).status());
        assertEquals(0, wallets.view(owner).balance(), "nothing is credited before the bank confirms");
        Outcome retry = topUps.topUp(owner, key, card, 5_000L);
        assertEquals(202, retry.status(), "the retry asked the bank again, under the same reference");
        assertEquals(first.body(), retry.body());

        Statements.Page waiting = statements.of(owner, everything());
        assertEquals(List.of(id), waiting.pending().stream().map(Statements.Pending::id).toList(),
                "the statement shows it on its way in");
        assertEquals(5_000, waiting.pending().get(0).amount());
        assertEquals("PENDING", waiting.pending().get(0).status());
        assertEquals("BANK_CARD", waiting.pending().get(0).counterpart().kind());
        assertTrue(waiting.entries().isEmpty(), "and not as an entry: there is no posting");

        topUps.reconcilePending();
        assertEquals(TopUpStatus.PENDING, topUps.get(owner, id).status(), "its first minute is the request's own");
        clock.advance(Duration.ofMinutes(1));
        topUps.reconcilePending();
        TopUps.TopUpView settled = topUps.get(owner, id);
        assertEquals(TopUpStatus.SUCCEEDED, settled.status());
        assertEquals(5_000L, settled.balance());
        assertEquals(5_000, wallets.view(owner).balance());
        Statements.Page credited = statements.of(owner, everything());
        assertTrue(credited.pending().isEmpty(), credited.toString());
        assertEquals(List.of(id), credited.entries().stream().map(Statements.Entry::reference).toList());
        assertEquals("SUCCEEDED", credited.entries().get(0).status());
        assertEquals(5_000, credited.entries().get(0).balanceAfter());

        Outcome replay = topUps.topUp(owner, key, card, 5_000L);
        assertEquals(201, replay.status(), "the stored answer was completed when the top-up settled");
        assertTrue(replay.replayed());
        try (JsonReader body = Json.createReader(new StringReader(replay.body()))) {
            assertEquals(TopUpStatus.SUCCEEDED.name(), body.readObject().getString("status"));
        }
        topUps.reconcilePending();
        assertEquals(1, postingsOf(id).size(), "credited once");
    }

    @Test
    void aTopUpTheBankNeverReceivedFailsAndFreesItsKey() {
        long owner = person();
        String slow = cards.link(owner, SandboxCards.BANK_TIMES_OUT).id();
        String good = cards.link(owner, SandboxCards.randomOkDebit(ThreadLocalRandom.current())).id();
        String key = WalletData.key();
        Outcome pending = topUps.topUp(owner, key, slow, 700L);
        assertEquals(202, pending.status(), pending.body());
        String id = pending.resourceId();
        assertEquals(PaymentError.IDEMPOTENCY_KEY_REUSED, assertThrows(BusinessException.class,
                () -> topUps.topUp(owner, key, good, 700L)).code(), "while it is pending, its key is taken");
        clock.advance(Duration.ofMinutes(2));
        topUps.reconcilePending();
        assertEquals(TopUpStatus.FAILED, topUps.get(owner, id).status());
        Statements.Page after = statements.of(owner, everything());
        assertTrue(after.pending().isEmpty() && after.entries().isEmpty(), "nothing moved, nothing to show: " + after);
        assertEquals(0, postingsOf(id).size());
        Outcome elsewhere = topUps.topUp(owner, key, good, 700L);
        assertEquals(201, elsewhere.status(), "a failed top-up leaves its key free: " + elsewhere.body());
        assertEquals(700, wallets.view(owner).balance());
    }

    @Test
    void settlementsRacingOnOneTopUpCreditItOnce() throws Exception {
        long owner = person();
        String card = cards.link(owner, SandboxCards.CHARGE_ANSWER_LOST).id();
        String id = topUps.topUp(owner, WalletData.key(), card, 300L).resourceId();
        long topUpId = em.createNamedQuery(TopUp.BY_PUBLIC_IDS, TopUp.class).setParameter("ids", List.of(id))
                .getSingleResult().id();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TopUps.TopUpView>> settling = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean byTheTimer = i % 2 == 0;
            settling.add(executor.submit(() -> {
                start.await();
                if (byTheTimer) {
                    topUps.reconcile(topUpId);
                    return topUps.get(owner, id);
                }
                return topUps.settle(topUpId, MovementStatus.SUCCEEDED);
            }));
        }
        start.countDown();
        for (Future<TopUps.TopUpView> settled : settling) {
            assertEquals(TopUpStatus.SUCCEEDED, settled.get().status());
        }
        assertEquals(1, postingsOf(id).size(), "one posting, however many settled it at once");
        assertEquals(300, wallets.view(owner).balance());
    }

    private Withdrawals.WithdrawalView withdrawn(long owner, String card, long amount) {
        Outcome outcome = withdrawals.withdraw(owner, WalletData.key(), card, amount, WalletData.PIN);
        assertEquals(201, outcome.status(), outcome.body());
        return withdrawals.get(owner, outcome.resourceId());
    }

    private String storedPin(long personId) {
        return (String) em.createNativeQuery("SELECT pin_hash FROM wallet WHERE person_id = ?1")
                .setParameter(1, personId).getSingleResult();
    }

    /** The stored form with 2 000 iterations instead of today's count, built with the JDK like the original. */
    private static String olderHash(String pin) throws Exception {
        byte[] salt = new byte[16];
        ThreadLocalRandom.current().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, 2_000, 256)).getEncoded();
        return String.join("$", "pbkdf2-sha256", "2000", "p0", Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(hash));
    }

    private long person() {
        return people.create(TestData.cnPhone(), TestData.PASSWORD, "Traveller").id();
    }

    private long funded(long fen) {
        long personId = person();
        wallets.setPassword(personId, WalletData.PIN, null);
        String card = cards.link(personId, SandboxCards.randomOkDebit(ThreadLocalRandom.current())).id();
        assertEquals(201, topUps.topUp(personId, WalletData.key(), card, fen).status());
        return personId;
    }

    private String phoneOf(long personId) {
        return people.get(personId).phone();
    }

    /**
     * Read through the ledger's own boundary, in a transaction: the test's container-managed EntityManager, used
     * outside one, can be found closed after tasks of the managed executor have run in the test's context.
     */
    private List<Posting> postingsOf(String reference) {
        return ledger.ofReference(reference);
    }

    private long transferId(String publicId) {
        return em.createNamedQuery(Transfer.BY_PUBLIC_ID, Transfer.class).setParameter("publicId", publicId)
                .getSingleResult().id();
    }

    private static Statements.Filter everything() {
        return new Statements.Filter(List.of(), null, null, null, null, Statements.MAX_PAGE);
    }

}
