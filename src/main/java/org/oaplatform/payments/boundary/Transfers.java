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
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.control.WalletLimits;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.Transfer;
import org.oaplatform.payments.entity.TransferStatus;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Text;
import org.oaplatform.platform.control.TimeOrderedIds;

/**
 * Person-to-person transfers, two-phase like WeChat's 转账: sending moves the money into escrow; the receiver
 * accepts it (credited) or returns it within 24 hours, after which it goes back by itself. Every settlement locks the
 * transfer row and then the ledger accounts, and settles only a transfer that is still pending and, for the
 * receiver's choices, still inside its window: accept, return and expiry may race, exactly one of them moves money.
 */
@Stateless
public class Transfers {

    private static final Logger LOG = Logger.getLogger(Transfers.class.getName());

    public record TransferView(String id, Party from, Party to, long amount, String memo, TransferStatus status,
            Instant createdAt, Instant expiresAt, Instant settledAt)
            implements IdempotentRequests.Identified {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    Ledger ledger;

    @Inject
    Wallets wallets;

    @Inject
    PlatformAccounts platform;

    @Inject
    People people;

    @Inject
    TimeOrderedIds rowIds;

    @Resource
    SessionContext context;

    @Inject
    IdempotentRequests idempotent;

    /** {@link #send} once per idempotency key (201). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IdempotentRequests.Outcome send(long senderId, String key, String recipient, Long amount, String memo,
            String password) {
        return idempotent.once(senderId, key, IdempotentRequests.fingerprint("transfer", recipient, amount, memo), 201,
                () -> self().send(senderId, recipient, amount, memo, password));
    }

    /** {@link #accept} once per idempotency key (200). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IdempotentRequests.Outcome accept(long receiverId, String key, String transferId) {
        return idempotent.once(receiverId, key, IdempotentRequests.fingerprint("transfer-accept", transferId), 200,
                () -> self().accept(receiverId, transferId));
    }

    /** {@link #giveBack} once per idempotency key (200). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IdempotentRequests.Outcome giveBack(long receiverId, String key, String transferId) {
        return idempotent.once(receiverId, key, IdempotentRequests.fingerprint("transfer-return", transferId), 200,
                () -> self().giveBack(receiverId, transferId));
    }

    /** The work of a transfer request, in the caller's transaction (an idempotent request's, see above). */
    public TransferView send(long senderId, String recipient, Long amount, String memo, String password) {
        long fen = WalletLimits.requireAmount(amount, WalletLimits.MAX_TRANSFER, "a transfer");
        Person sender = people.get(senderId);
        Person receiver = people.byHandleOrPhone(recipient, sender.region())
                .orElseThrow(() -> new BusinessException(PaymentError.RECIPIENT_UNKNOWN,
                        "nobody has this WeChat ID or phone number"));
        if (receiver.id() == senderId) {
            throw new BusinessException(PaymentError.SELF_TRANSFER);
        }
        Wallet wallet = wallets.requirePassword(senderId, password);
        long escrow = platform.of(AccountKind.TRANSFER_ESCROW, wallet.accountId());
        String publicId = ids.publicId(Transfer.ID_PREFIX);
        Transfer transfer = new Transfer(rowIds.next(), publicId, senderId, receiver.id(), fen,
                Text.strippedOrNull(memo), escrow, clock.instant());
        em.persist(transfer);
        em.flush(); // business row first, ledger accounts after (docs/payments.md)
        Posting posting = ledger.post(PostingKind.TRANSFER_SENT, publicId,
                Ledger.leg(wallet.accountId(), -fen), Ledger.leg(escrow, fen));
        transfer.sentBy(posting.id());
        return view(transfer, sender, receiver);
    }

    public TransferView accept(long receiverId, String transferId) {
        Transfer transfer = lockedFor(receiverId, transferId);
        Wallet wallet = wallets.open(receiverId);
        settle(transfer, TransferStatus.ACCEPTED, PostingKind.TRANSFER_ACCEPTED, wallet.accountId());
        return view(transfer);
    }

    /** The receiver sends it back at once (退还), without waiting for the 24 hours. */
    public TransferView giveBack(long receiverId, String transferId) {
        Transfer transfer = lockedFor(receiverId, transferId);
        settle(transfer, TransferStatus.RETURNED, PostingKind.TRANSFER_RETURNED,
                wallets.open(transfer.senderId()).accountId());
        return view(transfer);
    }

    private Transfers self() {
        return context.getBusinessObject(Transfers.class);
    }

    public TransferView get(long personId, String transferId) {
        requireWellFormed(transferId);
        Transfer transfer = em.createNamedQuery(Transfer.BY_PUBLIC_ID, Transfer.class)
                .setParameter("publicId", transferId).getResultStream()
                .filter(t -> t.senderId() == personId || t.receiverId() == personId).findFirst()
                .orElseThrow(Transfers::unknown);
        return view(transfer);
    }

    @Schedule(hour = "*", minute = "*", persistent = true, info = "transfer-expiry")
    void expireOnSchedule() {
        expireDue();
    }

    /** Refunds every transfer whose 24 hours are over, each in its own transaction. */
    public int expireDue() {
        List<Long> due = em.createNamedQuery(Transfer.DUE, Long.class).setParameter("status", TransferStatus.PENDING)
                .setParameter("now", clock.instant()).setMaxResults(1000).getResultList();
        Transfers self = context.getBusinessObject(Transfers.class);
        int expired = DueWork.each(due, self::expire, LOG, "expiry of transfer");
        if (expired > 0) {
            int count = expired;
            LOG.info(() -> count + " transfer(s) expired and went back to their senders");
        }
        return expired;
    }

    /** @return whether this call expired it (false when it was settled meanwhile or is not due) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean expire(long transferId) {
        Transfer transfer = em.find(Transfer.class, transferId, LockModeType.PESSIMISTIC_WRITE);
        if (transfer == null || !transfer.isPending() || !transfer.hasRunOutAt(clock.instant())) {
            return false;
        }
        settle(transfer, TransferStatus.EXPIRED, PostingKind.TRANSFER_EXPIRED,
                wallets.open(transfer.senderId()).accountId());
        return true;
    }

    /**
     * The transfer's database id, looked up outside the caller's transaction: a lookup by public id inside it would
     * either lock an index range (FOR UPDATE) or fix the transaction's snapshot before the transfer's lock is taken.
     * The caller then locks the row by its key.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Long> idOf(String transferId) {
        return em.createNamedQuery(Transfer.ID_BY_PUBLIC_ID, Long.class).setParameter("publicId", transferId)
                .getResultStream().findFirst();
    }

    /** A malformed id is an unknown one, refused before the query. */
    private static void requireWellFormed(String transferId) {
        if (!Ids.isPublicId(Transfer.ID_PREFIX, transferId)) {
            throw unknown();
        }
    }

    private Transfer lockedFor(long receiverId, String transferId) {
        requireWellFormed(transferId);
        long id = context.getBusinessObject(Transfers.class).idOf(transferId).orElseThrow(Transfers::unknown);
        Transfer transfer = em.find(Transfer.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (transfer.receiverId() != receiverId) {
            // The sender and strangers cannot settle it; strangers must not learn that it exists.
            throw transfer.senderId() == receiverId
                    ? new BusinessException(PlatformError.FORBIDDEN,
                            "only the receiver can accept or return a transfer")
                    : unknown();
        }
        if (transfer.status() == TransferStatus.EXPIRED || transfer.isPending()
                && transfer.hasRunOutAt(clock.instant())) {
            throw new BusinessException(PaymentError.TRANSFER_EXPIRED,
                    "the 24 hours to accept it ended at " + transfer.expiresAt());
        }
        if (!transfer.isPending()) {
            throw new BusinessException(PaymentError.TRANSFER_NOT_PENDING,
                    "this transfer is already " + transfer.status().name().toLowerCase());
        }
        return transfer;
    }

    private void settle(Transfer transfer, TransferStatus outcome, PostingKind kind, long creditedAccount) {
        Posting posting = ledger.post(kind, transfer.publicId(),
                Ledger.leg(transfer.escrowAccountId(), -transfer.amount()),
                Ledger.leg(creditedAccount, transfer.amount()));
        transfer.settle(outcome, posting.id(), posting.postedAt());
    }

    private TransferView view(Transfer transfer) {
        return view(transfer, people.get(transfer.senderId()), people.get(transfer.receiverId()));
    }

    private static TransferView view(Transfer transfer, Person sender, Person receiver) {
        return new TransferView(transfer.publicId(), Party.of(sender), Party.of(receiver), transfer.amount(),
                transfer.memo(), transfer.status(), transfer.createdAt(), transfer.expiresAt(), transfer.settledAt());
    }

    private static BusinessException unknown() {
        return new BusinessException(PaymentError.TRANSFER_UNKNOWN);
    }
}
