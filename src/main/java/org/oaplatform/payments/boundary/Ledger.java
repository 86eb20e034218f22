package org.oaplatform.payments.boundary;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.LedgerAccount;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.PostingLeg;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;

/**
 * The ledger's only writer. {@link #post} is the one posting primitive every flow uses: it refuses legs that do not
 * sum to zero, locks the accounts in ascending id order (so concurrent postings never deadlock on each other), checks
 * each account's no-negative flag against its locked balance and appends the legs with the balances they leave, all
 * in the caller's transaction. Nothing ever updates or deletes a posting; {@link #reverse} undoes one.
 */
@Stateless
public class Ledger {

    public record Leg(long accountId, long amount) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    TimeOrderedIds rowIds;

    public static Leg leg(long accountId, long amount) {
        return new Leg(accountId, amount);
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Posting post(PostingKind kind, String reference, Leg... legs) {
        return post(kind, reference, null, List.of(legs));
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Posting reverse(Posting original, PostingKind kind) {
        List<Leg> mirrored = original.legs().stream().map(l -> new Leg(l.accountId(), Math.negateExact(l.amount())))
                .toList();
        return post(kind, original.reference(), original.id(), mirrored);
    }

    /** A new empty account that belongs to no person (a merchant's); its id, for the caller to keep. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long open(AccountKind kind) {
        LedgerAccount account = new LedgerAccount(kind, clock.instant());
        em.persist(account);
        em.flush();
        return account.id();
    }

    public Optional<Posting> byPublicId(String publicId) {
        if (!Ids.isPublicId(Posting.ID_PREFIX, publicId)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Posting.BY_PUBLIC_ID, Posting.class).setParameter("publicId", publicId)
                .getResultStream().findFirst();
    }

    public Posting get(long postingId) {
        return em.find(Posting.class, postingId);
    }

    /** @param reference the public id of what a posting moved money for (a malformed one has none) */
    public List<Posting> ofReference(String reference) {
        if (!Ids.isPublicId(reference)) {
            return List.of();
        }
        return em.createNamedQuery(Posting.BY_REFERENCE, Posting.class).setParameter("reference", reference)
                .getResultList();
    }

    /**
     * The balance the account's last leg before {@code before} left it with (0 before its first), read backwards along
     * {@code idx_posting_leg_account (account_id, id)}: a leg's id and time both follow the account's lock order.
     */
    public long balanceBefore(long accountId, Instant before) {
        return em.createNamedQuery(PostingLeg.BALANCE_BEFORE, Long.class).setParameter("accountId", accountId)
                .setParameter("before", before).setMaxResults(1).getResultStream().findFirst().orElse(0L);
    }

    public Map<Long, LedgerAccount> accounts(List<Long> accountIds) {
        Map<Long, LedgerAccount> byId = new HashMap<>();
        if (!accountIds.isEmpty()) {
            em.createNamedQuery(LedgerAccount.BY_IDS, LedgerAccount.class).setParameter("ids", accountIds)
                    .getResultList().forEach(a -> byId.put(a.id(), a));
        }
        return byId;
    }

    private Posting post(PostingKind kind, String reference, Long reverses, List<Leg> legs) {
        List<Long> accountIds = checkedAccounts(legs);
        // One primary-key lookup per account, in ascending id order: only those rows are locked, never a range,
        // whatever plan the optimiser would pick for an IN list on a small table.
        Map<Long, LedgerAccount> byId = new HashMap<>();
        for (Long accountId : accountIds) {
            LedgerAccount account = em.find(LedgerAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
            if (account == null) {
                throw new IllegalArgumentException("unknown ledger account " + accountId);
            }
            byId.put(accountId, account);
        }
        for (Leg leg : legs) {
            LedgerAccount account = byId.get(leg.accountId());
            if (!account.canTake(leg.amount())) {
                // A merchant's account pays refunds, and may hold less than one after settlement: like a wallet's,
                // that is the caller's business error, not an inconsistent ledger.
                if (account.kind() == AccountKind.WALLET || account.kind() == AccountKind.MERCHANT) {
                    throw new BusinessException(PaymentError.INSUFFICIENT_BALANCE, "the "
                            + (account.kind() == AccountKind.WALLET ? "wallet" : "merchant account") + " holds "
                            + account.balance() + " fen, " + -leg.amount() + " fen are needed");
                }
                throw new IllegalStateException("platform account " + account.id() + " (" + account.kind()
                        + ") would go negative: the ledger is inconsistent");
            }
        }
        Posting posting = new Posting(rowIds.next(), ids.publicId(Posting.ID_PREFIX), kind, reference, reverses,
                clock.instant());
        for (Leg leg : legs) {
            LedgerAccount account = byId.get(leg.accountId());
            posting.addLeg(rowIds.next(), account, leg.amount(), account.apply(leg.amount()));
        }
        em.persist(posting);
        em.flush();
        return posting;
    }

    /** The distinct accounts in ascending order, after checking that the legs make a posting at all. */
    private static List<Long> checkedAccounts(List<Leg> legs) {
        if (legs.size() < 2) {
            throw new IllegalArgumentException("a posting needs at least two legs");
        }
        long sum = 0;
        List<Long> accountIds = new ArrayList<>();
        for (Leg leg : legs) {
            if (leg.amount() == 0) {
                throw new IllegalArgumentException("a leg of zero moves nothing");
            }
            if (accountIds.contains(leg.accountId())) {
                throw new IllegalArgumentException("account " + leg.accountId() + " appears twice");
            }
            accountIds.add(leg.accountId());
            sum = Math.addExact(sum, leg.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("legs sum to " + sum + ", not zero");
        }
        accountIds.sort(null);
        return accountIds;
    }
}
