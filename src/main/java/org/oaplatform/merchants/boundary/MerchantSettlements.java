package org.oaplatform.merchants.boundary;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.merchants.control.FeeRate;
import org.oaplatform.merchants.control.PayTime;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.MerchantRefund;
import org.oaplatform.merchants.entity.MerchantSettlement;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.payments.boundary.Ledger;
import org.oaplatform.payments.boundary.PlatformAccounts;
import org.oaplatform.payments.control.BankGateway;
import org.oaplatform.payments.control.BankGateway.MovementStatus;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.BankCard;
import org.oaplatform.payments.entity.LedgerAccount;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;

/**
 * The daily settlement of merchant accounts, the withdrawals' model applied to merchants: for each Beijing business
 * day that ended, one transaction per merchant takes the account's balance, keeps the platform's fee on the
 * transactions of the covered period ({@link FeeRate}, as the bill lists it) and posts the rest to the bank, recording
 * the settlement PROCESSING; only after that committed is the payout handed to the bank, outside any transaction. The
 * bank settles it later (asked every minute); a payout that fails, or that the bank never received, is reversed, and
 * the next day's settlement covers those transactions again. One row per merchant and day (a unique key): a timer run
 * again, on any instance, settles nothing twice.
 */
@Stateless
public class MerchantSettlements {

    private static final Logger LOG = Logger.getLogger(MerchantSettlements.class.getName());
    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Ledger ledger;

    @Inject
    PlatformAccounts platform;

    @Inject
    BankGateway bank;

    @Inject
    @ConfigProperty(name = "oa.merchant.fee-rate", defaultValue = "0.006")
    String feeRate;

    @Inject
    Merchants merchants;

    @Resource
    SessionContext context;

    public record SettlementView(String id, LocalDate businessDate, long amount, long fee, long net,
            MerchantSettlement.Status status, String card, Instant createdAt, Instant settledAt) {
    }

    /** Hourly, so that the day that ended in Beijing is settled within the hour whatever the server's time zone. */
    @Schedule(hour = "*", minute = "10", persistent = true, info = "merchant-settlement")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void settleOnSchedule() {
        settleDay(PayTime.today(clock.instant()).minusDays(1));
    }

    /**
     * Settles every merchant not yet settled for {@code day}, a batch at a time; the payouts go to the bank once each
     * is recorded. A merchant whose settlement failed stays unsettled and is tried once a run, not once a batch.
     *
     * @return how many settlements went to the bank
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int settleDay(LocalDate day) {
        if (!day.isBefore(PayTime.today(clock.instant()))) {
            throw new IllegalArgumentException(day + " has not ended in Beijing");
        }
        MerchantSettlements self = context.getBusinessObject(MerchantSettlements.class);
        return DueWork.inBatches(BATCH, limit -> em.createNamedQuery(MerchantSettlement.UNSETTLED_MERCHANTS,
                Long.class).setParameter("dayEnds", PayTime.startOf(day.plusDays(1))).setParameter("day", day)
                .setMaxResults(limit).getResultList(), merchantId -> {
                    Optional<Long> recorded = self.record(merchantId, day);
                    recorded.ifPresent(self::submit);
                    return recorded.isPresent();
                }, LOG, "settlement of merchant");
    }

    /**
     * Records the merchant's settlement of the day and, if there is money to pay out, its posting.
     *
     * @return the settlement to hand to the bank; empty when there was nothing to pay out, or the day was settled
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> record(long merchantId, LocalDate day) {
        // The merchant row first (serialising two runs for one merchant), the ledger accounts after.
        Merchant merchant = em.find(Merchant.class, merchantId, LockModeType.PESSIMISTIC_WRITE);
        boolean settled = !em.createQuery("SELECT s.id FROM MerchantSettlement s WHERE s.merchantId = :m"
                + " AND s.businessDate = :day", Long.class).setParameter("m", merchantId).setParameter("day", day)
                .getResultList().isEmpty();
        if (settled) {
            return Optional.empty();
        }
        Instant until = PayTime.startOf(day.plusDays(1));
        Instant from = coveredFrom(merchant);
        long fee = Math.max(0, feeOf(merchantId, from, until));
        LedgerAccount account = em.find(LedgerAccount.class, merchant.ledgerAccountId(),
                LockModeType.PESSIMISTIC_WRITE);
        // What the account held when the day ended: payments after that are the next day's, with their fee. Refunds
        // since may have taken part of it, and what is no longer there is not paid out.
        long amount = Math.min(account.balance(), ledger.balanceBefore(account.id(), until));
        Instant now = clock.instant();
        String publicId = ids.publicId(MerchantSettlement.ID_PREFIX);
        if (amount <= fee) {
            // Nothing moves; as no settlement covered the period, the next one charges its fee.
            em.persist(new MerchantSettlement(rowIds.next(), publicId, merchantId, new MerchantSettlement.Terms(day,
                    merchant.settlementCardId(), from, from, 0, 0), null, now));
            return Optional.empty();
        }
        List<Ledger.Leg> legs = new ArrayList<>();
        legs.add(Ledger.leg(account.id(), -amount));
        legs.add(Ledger.leg(platform.of(AccountKind.BANK_SETTLEMENT, account.id()), amount - fee));
        if (fee > 0) {
            legs.add(Ledger.leg(platform.of(AccountKind.FEE_INCOME, account.id()), fee));
        }
        Posting posting = ledger.post(PostingKind.MERCHANT_SETTLEMENT, publicId, legs.toArray(Ledger.Leg[]::new));
        MerchantSettlement settlement = new MerchantSettlement(rowIds.next(), publicId, merchantId,
                new MerchantSettlement.Terms(day, merchant.settlementCardId(), from, until, amount, fee), posting.id(),
                now);
        em.persist(settlement);
        return Optional.of(settlement.id());
    }

    /** Hands the payout to the bank, outside any transaction; a refusal reverses it at once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void submit(long settlementId) {
        MerchantSettlement settlement = em.find(MerchantSettlement.class, settlementId);
        BankCard card = em.find(BankCard.class, settlement.cardId());
        try {
            bank.payout(card.token(), settlement.net(), settlement.publicId());
        } catch (BusinessException e) {
            if (e.code() != PaymentError.BANK_UNAVAILABLE) {
                LOG.info(() -> "the bank refused settlement " + settlement.publicId() + " (" + e.code()
                        + "); reversing it");
                context.getBusinessObject(MerchantSettlements.class).settle(settlementId, MovementStatus.FAILED);
                return;
            }
            LOG.info(() -> "no answer from the bank for settlement " + settlement.publicId() + "; asked again later");
        }
    }

    @Schedule(hour = "*", minute = "*", persistent = true, info = "merchant-settlement-payouts")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void reconcileOnSchedule() {
        reconcileProcessing();
    }

    /** Asks the bank about payouts processing for longer than a bank call may take, each on its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int reconcileProcessing() {
        List<Long> processing = em.createNamedQuery(MerchantSettlement.DUE, Long.class)
                .setParameter("processing", MerchantSettlement.Status.PROCESSING)
                .setParameter("before", clock.instant().minus(BankGateway.LONGEST_CALL)).setMaxResults(1000)
                .getResultList();
        MerchantSettlements self = context.getBusinessObject(MerchantSettlements.class);
        return DueWork.each(processing, self::reconcile, LOG, "payout of settlement");
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean reconcile(long settlementId) {
        MerchantSettlement settlement = em.find(MerchantSettlement.class, settlementId);
        if (settlement == null || !settlement.isProcessing()) {
            return false;
        }
        BankCard card = em.find(BankCard.class, settlement.cardId());
        MovementStatus status = bank.payoutStatus(card.token(), settlement.publicId());
        return status != MovementStatus.PROCESSING
                && context.getBusinessObject(MerchantSettlements.class).settle(settlementId, status);
    }

    /** Settles a processing payout from the bank's answer, exactly once; a failed one is reversed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean settle(long settlementId, MovementStatus answer) {
        MerchantSettlement settlement = em.find(MerchantSettlement.class, settlementId,
                LockModeType.PESSIMISTIC_WRITE);
        if (settlement == null || !settlement.isProcessing() || answer == MovementStatus.PROCESSING) {
            return false;
        }
        Instant now = clock.instant();
        if (answer == MovementStatus.SUCCEEDED) {
            settlement.succeeded(now);
        } else {
            Posting reversal = ledger.reverse(ledger.get(settlement.postingId()),
                    PostingKind.MERCHANT_SETTLEMENT_REVERSAL);
            settlement.failed(reversal.id(), now);
            LOG.info(() -> "settlement " + settlement.publicId() + " failed at the bank and was reversed");
        }
        return true;
    }

    /** The merchant's latest settlements, for its owner and admins. */
    public List<SettlementView> ofMerchant(long personId, String appid, int limit) {
        Merchant merchant = merchants.require(personId, appid, MemberRole.OWNER, MemberRole.ADMIN);
        return em.createNamedQuery(MerchantSettlement.OF_MERCHANT, MerchantSettlement.class)
                .setParameter("merchantId", merchant.id()).setMaxResults(Math.max(1, Math.min(limit, 100)))
                .getResultStream().map(s -> new SettlementView(s.publicId(), s.businessDate(), s.amount(), s.fee(),
                        s.net(), s.status(), em.find(BankCard.class, s.cardId()).label(), s.createdAt(),
                        s.settledAt()))
                .toList();
    }

    /** Where the last settlement that charged fees stopped, or the merchant's beginning. */
    private Instant coveredFrom(Merchant merchant) {
        Instant last = em.createNamedQuery(MerchantSettlement.LAST_COVERING, Instant.class)
                .setParameter("merchantId", merchant.id())
                .setParameter("covering", List.of(MerchantSettlement.Status.PROCESSING,
                        MerchantSettlement.Status.SUCCEEDED))
                .getSingleResult();
        return last != null ? last : merchant.createdAt();
    }

    /** The fee of the period as the bills list it: each payment's, less each refund's. */
    private long feeOf(long merchantId, Instant from, Instant until) {
        FeeRate rate = FeeRate.of(feeRate);
        long fee = 0;
        for (Long paid : em.createNamedQuery(MerchantOrder.FEES_PAID_BETWEEN, Long.class)
                .setParameter("merchantId", merchantId).setParameter("from", from).setParameter("to", until)
                .getResultList()) {
            fee += rate.feeOf(paid);
        }
        for (Long refunded : em.createNamedQuery(MerchantRefund.FEES_BETWEEN, Long.class)
                .setParameter("merchantId", merchantId).setParameter("from", from).setParameter("to", until)
                .getResultList()) {
            fee += rate.feeOf(-refunded);
        }
        return fee;
    }
}
