package org.oaplatform.payments.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.payments.control.BankGateway.MovementStatus;
import org.oaplatform.payments.control.BankGateway;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.control.WalletLimits;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.BankCard;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.TopUp;
import org.oaplatform.payments.entity.TopUpStatus;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;

/**
 * Top-up from a linked card, in three steps so that the bank is never called inside a transaction: the top-up is
 * recorded {@code PENDING} (with the client's idempotency key) and committed; the bank is asked to charge the card;
 * the answer settles it in a transaction of its own, posting the money only when the bank took it. A charge whose
 * answer is lost (a timeout) stays pending: a retry with the same key charges again under the same reference, which
 * a bank deduplicates, and {@link #reconcilePending} asks the bank about the rest every minute. So a charge the bank
 * made is never lost, and none is credited twice.
 */
@Stateless
public class TopUps {

    private static final Logger LOG = Logger.getLogger(TopUps.class.getName());

    /**
     * @param balance the wallet's balance right after this top-up was credited; absent until it is
     */
    public record TopUpView(String id, String cardId, String card, long amount, TopUpStatus status, Long balance,
            Instant createdAt, Instant settledAt) implements IdempotentRequests.Identified {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    BankCards cards;

    @Inject
    BankGateway bank;

    @Inject
    Wallets wallets;

    @Inject
    PlatformAccounts platform;

    @Inject
    Ledger ledger;

    @Inject
    IdempotentRequests idempotent;

    /**
     * A top-up, once per idempotency key. Answers 201 with the credited balance when the bank took the money, 202 with
     * the pending top-up when its answer did not come; a refusal is thrown, and forgets the key.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IdempotentRequests.Outcome topUp(long personId, String key, String cardId, Long amount) {
        // Before the key is claimed: without a bank, a pending top-up would wait for an answer that never comes.
        bank.requireConfigured();
        TopUps self = context.getBusinessObject(TopUps.class);
        String fingerprint = IdempotentRequests.fingerprint("top-up", cardId, amount);
        IdempotentRequests.Outcome started = idempotent.once(personId, key, fingerprint, 202,
                () -> self.begin(personId, key, cardId, amount));
        if (started.status() != 202) {
            return started;
        }
        TopUp topUp = byPublicId(started.resourceId()).orElseThrow();
        BankCard card = em.find(BankCard.class, topUp.cardId());
        MovementStatus answer;
        BusinessException refusal = null;
        try {
            bank.charge(card.token(), topUp.amount(), topUp.publicId());
            answer = MovementStatus.SUCCEEDED;
        } catch (BusinessException e) {
            if (e.code() == PaymentError.BANK_UNAVAILABLE) {
                LOG.info(() -> "no answer from the bank for top-up " + topUp.publicId() + "; it stays pending");
                answer = MovementStatus.PROCESSING;
            } else {
                refusal = e;
                answer = MovementStatus.FAILED;
            }
        }
        TopUpView settled = self.settle(topUp.id(), answer);
        if (answer == MovementStatus.SUCCEEDED && settled.status() == TopUpStatus.FAILED) {
            // Only possible if the bank answered "never received" to reconcilePending while this charge was still
            // on its way, i.e. if a bank call ever took longer than BankGateway.LONGEST_CALL.
            LOG.severe(() -> "the bank charged top-up " + topUp.publicId() + " after it was settled as failed;"
                    + " the card must be refunded");
        }
        return switch (settled.status()) {
            case PENDING -> started;
            case SUCCEEDED -> {
                // The answer stored when it was settled (by this request, a concurrent retry or the timer).
                IdempotentRequests.Outcome stored = idempotent.once(personId, key, fingerprint, 202, () -> {
                    throw new IllegalStateException("the key of top-up " + topUp.publicId() + " was forgotten");
                });
                yield new IdempotentRequests.Outcome(stored.status(), stored.body(), stored.resourceId(),
                        started.replayed());
            }
            case FAILED -> throw refusal != null ? refusal
                    : new BusinessException(PaymentError.BANK_UNAVAILABLE,
                            "the bank did not take the money for this top-up; nothing was moved");
        };
    }

    /** Records the top-up as pending; its answer, stored with the key, stands until the top-up is settled. */
    public TopUpView begin(long personId, String key, String cardId, Long amount) {
        long fen = WalletLimits.requireAmount(amount, WalletLimits.MAX_TOP_UP, "a top-up");
        BankCard card = cards.activeCard(personId, cardId);
        TopUp topUp = new TopUp(ids.publicId(TopUp.ID_PREFIX), personId, card.id(), fen, key, clock.instant());
        em.persist(topUp);
        return view(topUp, card);
    }

    /**
     * Settles a pending top-up from the bank's answer, exactly once: succeeded, it is posted and its stored answer
     * completed; failed, its key is forgotten; still processing, it stays as it is. A top-up settled already is left
     * alone, whatever the answer, so a retry, the timer and a late answer cannot post it twice.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public TopUpView settle(long topUpId, MovementStatus answer) {
        TopUp topUp = em.find(TopUp.class, topUpId, LockModeType.PESSIMISTIC_WRITE);
        BankCard card = em.find(BankCard.class, topUp.cardId());
        if (!topUp.isPending() || answer == MovementStatus.PROCESSING) {
            return view(topUp, card);
        }
        Instant now = clock.instant();
        if (answer == MovementStatus.SUCCEEDED) {
            Wallet wallet = wallets.open(topUp.personId());
            Posting posting = ledger.post(PostingKind.TOP_UP, topUp.publicId(),
                    Ledger.leg(platform.of(AccountKind.BANK_SETTLEMENT, wallet.accountId()), -topUp.amount()),
                    Ledger.leg(wallet.accountId(), topUp.amount()));
            topUp.succeeded(posting.id(), now);
            TopUpView view = view(topUp, card);
            idempotent.complete(topUp.personId(), topUp.idempotencyKey(), 201, view);
            return view;
        }
        topUp.failed(now);
        idempotent.forget(topUp.personId(), topUp.idempotencyKey());
        LOG.info(() -> "top-up " + topUp.publicId() + " failed at the bank; nothing was moved");
        return view(topUp, card);
    }

    /** The caller's top-up, in whatever state it is. */
    public TopUpView get(long personId, String topUpId) {
        TopUp topUp = byPublicId(topUpId).filter(t -> t.personId() == personId)
                .orElseThrow(() -> new BusinessException(PaymentError.TOP_UP_UNKNOWN));
        return view(topUp, em.find(BankCard.class, topUp.cardId()));
    }

    /** Where any top-up stands, by its id, whoever made it: the caller decides who may know (LedgerInspection). */
    public Optional<TopUpStatus> status(String topUpId) {
        return byPublicId(topUpId).map(TopUp::status);
    }

    @Schedule(hour = "*", minute = "*", persistent = true, info = "top-up-reconciliation")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void reconcileOnSchedule() {
        reconcilePending();
    }

    /** Asks the bank about every top-up pending for over a minute and settles those it has decided, each on its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int reconcilePending() {
        List<Long> pending = em.createNamedQuery(TopUp.DUE, Long.class)
                .setParameter("status", TopUpStatus.PENDING)
                .setParameter("before", clock.instant().minus(BankGateway.LONGEST_CALL))
                .setMaxResults(1000).getResultList();
        TopUps self = context.getBusinessObject(TopUps.class);
        return DueWork.each(pending, self::reconcile, LOG, "reconciliation of top-up");
    }

    /**
     * Settles one pending top-up from the bank's status query, asked outside any transaction so that no row stays
     * locked while the bank answers; returns whether the bank had decided it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean reconcile(long topUpId) {
        TopUp topUp = em.find(TopUp.class, topUpId);
        if (topUp == null || !topUp.isPending()) {
            return false;
        }
        BankCard card = em.find(BankCard.class, topUp.cardId());
        MovementStatus status = bank.chargeStatus(card.token(), topUp.publicId());
        if (status == MovementStatus.PROCESSING) {
            return false;
        }
        context.getBusinessObject(TopUps.class).settle(topUpId, status);
        return true;
    }

    private Optional<TopUp> byPublicId(String publicId) {
        if (!Ids.isPublicId(TopUp.ID_PREFIX, publicId)) {
            return Optional.empty();
        }
        return em.createNamedQuery(TopUp.BY_PUBLIC_IDS, TopUp.class).setParameter("ids", List.of(publicId))
                .getResultStream().findFirst();
    }

    private TopUpView view(TopUp topUp, BankCard card) {
        Long balance = null;
        if (topUp.postingId() != null) {
            long walletAccount = em.find(Wallet.class, topUp.personId()).accountId();
            balance = ledger.get(topUp.postingId()).legs().stream().filter(l -> l.accountId() == walletAccount)
                    .findFirst().orElseThrow().balanceAfter();
        }
        return new TopUpView(topUp.publicId(), card.publicId(), card.label(), topUp.amount(), topUp.status(), balance,
                topUp.createdAt(), topUp.settledAt());
    }
}
