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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.payments.control.BankGateway.MovementStatus;
import org.oaplatform.payments.control.BankGateway;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.control.WalletLimits;
import org.oaplatform.payments.control.WithdrawalFee;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.BankCard;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.payments.entity.Withdrawal;
import org.oaplatform.payments.entity.WithdrawalStatus;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;

/**
 * Withdrawal to a linked debit card with WeChat's fee (1 000 CNY free per person for life, then 0.1 %, at least
 * 0.10 CNY, taken on top of the amount and posted to fee income). The wallet is debited and the withdrawal recorded
 * {@code PROCESSING} in one transaction; only after that committed is the payout handed to the bank, outside any
 * transaction, so that no money can leave for a debit that was rolled back. The bank settles the payout later
 * (asked every minute); a payout that fails, or that the bank never received, is reversed: the amount and the fee
 * go back and the free quota is restored.
 */
@Stateless
public class Withdrawals {

    private static final Logger LOG = Logger.getLogger(Withdrawals.class.getName());

    public record WithdrawalView(String id, String cardId, String card, long amount, long fee, long debited,
            WithdrawalStatus status, Instant requestedAt, Instant settledAt)
            implements IdempotentRequests.Identified {
    }

    public record FeeQuote(long amount, long fee, long debited, long freeQuotaLeftAfter) {
    }

    @PersistenceContext
    EntityManager em;

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

    @Resource
    SessionContext context;

    /** What a withdrawal of this amount would cost now, without moving anything. */
    public FeeQuote quote(long personId, Long amount) {
        long fen = WalletLimits.requireAmount(amount, WalletLimits.MAX_WITHDRAWAL, "a withdrawal");
        Wallet wallet = em.find(Wallet.class, personId);
        long used = wallet == null ? 0 : wallet.freeWithdrawalUsed();
        WithdrawalFee.Quote quote = WithdrawalFee.quote(fen, used);
        return new FeeQuote(fen, quote.feeFen(), fen + quote.feeFen(),
                WithdrawalFee.LIFETIME_FREE_FEN - used - quote.freeQuotaConsumedFen());
    }

    /**
     * A withdrawal, once per idempotency key: recorded and debited, then, for the request that did so, submitted to
     * the bank. A submission the bank does not answer is left to {@link #settleProcessing}.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IdempotentRequests.Outcome withdraw(long personId, String key, String cardId, Long amount,
            String password) {
        // Before the key is claimed and the wallet debited: without a bank, nothing could pay the money out.
        bank.requireConfigured();
        Withdrawals self = context.getBusinessObject(Withdrawals.class);
        IdempotentRequests.Outcome outcome = idempotent.once(personId, key,
                IdempotentRequests.fingerprint("withdrawal", cardId, amount), 201,
                () -> self.record(personId, cardId, amount, password));
        if (!outcome.replayed()) {
            submit(outcome.resourceId());
        }
        return outcome;
    }

    /** Debits the wallet and records the withdrawal, in the caller's transaction; the bank is not asked yet. */
    public WithdrawalView record(long personId, String cardId, Long amount, String password) {
        long fen = WalletLimits.requireAmount(amount, WalletLimits.MAX_WITHDRAWAL, "a withdrawal");
        BankCard card = cards.activeCard(personId, cardId);
        if (!BankGateway.CardType.DEBIT.name().equals(card.cardType())) {
            throw new BusinessException(PaymentError.CARD_DECLINED, "withdrawals go to debit cards only");
        }
        wallets.requirePassword(personId, password);
        // The quota is read and used under the wallet row's lock: two withdrawals cannot both spend the same quota.
        Wallet wallet = em.find(Wallet.class, personId, LockModeType.PESSIMISTIC_WRITE);
        WithdrawalFee.Quote quote = WithdrawalFee.quote(fen, wallet.freeWithdrawalUsed());
        String publicId = ids.publicId(Withdrawal.ID_PREFIX);
        Withdrawal withdrawal = new Withdrawal(publicId, personId, card.id(), fen, quote.feeFen(),
                quote.freeQuotaConsumedFen(), clock.instant());
        em.persist(withdrawal);
        wallet.useFreeWithdrawalQuota(quote.freeQuotaConsumedFen());
        em.flush(); // business rows first (the wallet is locked already), ledger accounts after (docs/payments.md)
        List<Ledger.Leg> legs = new ArrayList<>();
        legs.add(Ledger.leg(wallet.accountId(), -Math.addExact(fen, quote.feeFen())));
        legs.add(Ledger.leg(platform.of(AccountKind.BANK_SETTLEMENT, wallet.accountId()), fen));
        if (quote.feeFen() > 0) {
            legs.add(Ledger.leg(platform.of(AccountKind.FEE_INCOME, wallet.accountId()), quote.feeFen()));
        }
        Posting posting = ledger.post(PostingKind.WITHDRAWAL, publicId, legs.toArray(Ledger.Leg[]::new));
        withdrawal.debitedBy(posting.id());
        return view(withdrawal, card);
    }

    private void submit(String publicId) {
        Withdrawal withdrawal = byPublicId(publicId).orElseThrow();
        BankCard card = em.find(BankCard.class, withdrawal.cardId());
        try {
            bank.payout(card.token(), withdrawal.amount(), publicId);
        } catch (BusinessException e) {
            if (e.code() != PaymentError.BANK_UNAVAILABLE) {
                LOG.info(() -> "the bank refused payout " + publicId + " (" + e.code() + "); reversing it");
                context.getBusinessObject(Withdrawals.class).settle(withdrawal.id(), MovementStatus.FAILED);
                return;
            }
            // The payout may or may not have reached the bank: the settlement timer asks it, by the same reference.
            LOG.info(() -> "no answer from the bank for payout " + publicId + "; left to settlement");
        }
    }

    public WithdrawalView get(long personId, String withdrawalId) {
        Withdrawal withdrawal = byPublicId(withdrawalId).filter(w -> w.personId() == personId)
                .orElseThrow(() -> new BusinessException(PaymentError.WITHDRAWAL_UNKNOWN));
        return view(withdrawal, em.find(BankCard.class, withdrawal.cardId()));
    }

    private Optional<Withdrawal> byPublicId(String publicId) {
        if (!Ids.isPublicId(Withdrawal.ID_PREFIX, publicId)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Withdrawal.BY_PUBLIC_IDS, Withdrawal.class).setParameter("ids", List.of(publicId))
                .getResultStream().findFirst();
    }

    @Schedule(hour = "*", minute = "*", persistent = true, info = "withdrawal-settlement")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void settleOnSchedule() {
        settleProcessing();
    }

    /**
     * Asks the bank about every payout processing for longer than a bank call may take, and settles those it has
     * decided, each on its own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int settleProcessing() {
        List<Long> processing = em.createNamedQuery(Withdrawal.DUE, Long.class)
                .setParameter("status", WithdrawalStatus.PROCESSING)
                .setParameter("before", clock.instant().minus(BankGateway.LONGEST_CALL))
                .setMaxResults(1000).getResultList();
        Withdrawals self = context.getBusinessObject(Withdrawals.class);
        return DueWork.each(processing, self::reconcile, LOG, "settlement of withdrawal");
    }

    /**
     * Settles one payout from the bank's status query, asked outside any transaction so that no row stays locked
     * while the bank answers; returns whether the bank had decided it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean reconcile(long withdrawalId) {
        Withdrawal withdrawal = em.find(Withdrawal.class, withdrawalId);
        if (withdrawal == null || !withdrawal.isProcessing()) {
            return false;
        }
        BankCard card = em.find(BankCard.class, withdrawal.cardId());
        MovementStatus status = bank.payoutStatus(card.token(), withdrawal.publicId());
        return status != MovementStatus.PROCESSING
                && context.getBusinessObject(Withdrawals.class).settle(withdrawalId, status);
    }

    /**
     * Settles a processing payout from the bank's answer, exactly once: a payout settled already is left alone.
     *
     * @return whether this call settled it
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean settle(long withdrawalId, MovementStatus answer) {
        Withdrawal withdrawal = em.find(Withdrawal.class, withdrawalId, LockModeType.PESSIMISTIC_WRITE);
        if (withdrawal == null || !withdrawal.isProcessing()) {
            return false;
        }
        Instant now = clock.instant();
        switch (answer) {
            case PROCESSING -> {
                return false;
            }
            case SUCCEEDED -> withdrawal.succeeded(now);
            case FAILED -> {
                Wallet wallet = em.find(Wallet.class, withdrawal.personId(), LockModeType.PESSIMISTIC_WRITE);
                Posting reversal = ledger.reverse(ledger.get(withdrawal.postingId()), PostingKind.WITHDRAWAL_REVERSAL);
                wallet.restoreFreeWithdrawalQuota(withdrawal.freeQuotaConsumed());
                withdrawal.failed(reversal.id(), now);
                LOG.info(() -> "payout " + withdrawal.publicId() + " failed at the bank and was reversed");
            }
        }
        return true;
    }

    private static WithdrawalView view(Withdrawal withdrawal, BankCard card) {
        return new WithdrawalView(withdrawal.publicId(), card.publicId(), card.label(), withdrawal.amount(),
                withdrawal.fee(), withdrawal.amount() + withdrawal.fee(), withdrawal.status(),
                withdrawal.requestedAt(), withdrawal.settledAt());
    }
}
