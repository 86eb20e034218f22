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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.payments.control.LuckySplit;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.payments.control.WalletLimits;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.RedPacket;
import org.oaplatform.payments.entity.RedPacketKind;
import org.oaplatform.payments.entity.RedPacketShare;
import org.oaplatform.payments.entity.RedPacketStatus;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;

/**
 * Red packets. The whole amount goes into escrow when the packet is sent and its shares are drawn at once (the
 * bounded lucky split, or equal shares), so every share can be audited before anyone opens it. Opening locks the
 * packet row: claims queue per packet, nobody gets two shares (also a unique key), and the shares handed out can
 * never exceed what was sent. What is left after 24 hours goes back to the sender, once.
 */
@Stateless
public class RedPackets {

    public static final String DEFAULT_GREETING = "恭喜发财，大吉大利";
    private static final Logger LOG = Logger.getLogger(RedPackets.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    public record ClaimView(Party claimer, long amount, Instant claimedAt, boolean bestLuck) {
    }

    public record RedPacketView(String id, RedPacketKind kind, String greeting, Party sender, Party recipient,
            long totalAmount, int shares, int claimedShares, long claimedAmount, RedPacketStatus status,
            Instant createdAt, Instant expiresAt, Instant finishedAt, Long myAmount, List<ClaimView> claims)
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

    @Resource
    SessionContext context;

    @Inject
    IdempotentRequests idempotent;

    /** {@link #send} once per idempotency key (201). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IdempotentRequests.Outcome send(long senderId, String key, RedPacketKind kind, Long amount,
            Integer shares, String recipient, String greeting, String password) {
        return idempotent.once(senderId, key,
                IdempotentRequests.fingerprint("red-packet", kind, amount, shares, recipient, greeting), 201,
                () -> self().send(senderId, kind, amount, shares, recipient, greeting, password));
    }

    /** {@link #claim} once per idempotency key (200). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IdempotentRequests.Outcome claim(long personId, String key, String packetId) {
        return idempotent.once(personId, key, IdempotentRequests.fingerprint("red-packet-open", packetId), 200,
                () -> self().claim(personId, packetId));
    }

    /**
     * The work of a red packet request, in the caller's transaction (an idempotent request's, see above).
     *
     * @param amount the packet's amount for ONE_TO_ONE and LUCKY, each share's amount for EQUAL
     * @param shares the number of shares of a group packet (LUCKY, EQUAL); none for ONE_TO_ONE
     */
    public RedPacketView send(long senderId, RedPacketKind kind, Long amount, Integer shares, String recipient,
            String greeting, String password) {
        Person sender = people.get(senderId);
        Person receiver = null;
        long total;
        int count;
        if (kind == RedPacketKind.ONE_TO_ONE) {
            if (shares != null && shares != 1) {
                throw invalid("a one-to-one red packet has exactly one share");
            }
            receiver = people.byHandleOrPhone(recipient, sender.region())
                    .orElseThrow(() -> new BusinessException(PaymentError.RECIPIENT_UNKNOWN,
                            "a one-to-one red packet needs the WeChat ID or phone number of its recipient"));
            if (receiver.id() == senderId) {
                throw new BusinessException(PaymentError.SELF_TRANSFER);
            }
            total = WalletLimits.requireAmount(amount, WalletLimits.MAX_RED_PACKET, "a red packet");
            count = 1;
        } else {
            if (recipient != null && !recipient.isBlank()) {
                throw invalid("a group red packet is for whoever opens it first; it has no recipient");
            }
            if (shares == null || shares < 1 || shares > WalletLimits.MAX_RED_PACKET_SHARES) {
                throw invalid("a group red packet has 1 to " + WalletLimits.MAX_RED_PACKET_SHARES + " shares");
            }
            count = shares;
            if (kind == RedPacketKind.LUCKY) {
                total = WalletLimits.requireAmount(amount, WalletLimits.MAX_RED_PACKET, "a red packet");
                if (total < count) {
                    throw invalid("every share needs at least 1 fen: " + count + " shares need " + count + " fen");
                }
            } else {
                long each = WalletLimits.requireAmount(amount, WalletLimits.MAX_RED_PACKET, "a share");
                total = WalletLimits.requireAmount(Math.multiplyExact(each, (long) count),
                        WalletLimits.MAX_RED_PACKET, "a red packet (share × shares)");
            }
        }
        Wallet wallet = wallets.requirePassword(senderId, password);
        long escrow = platform.of(AccountKind.RED_PACKET_ESCROW, wallet.accountId());
        String publicId = ids.publicId(RedPacket.ID_PREFIX);
        RedPacket packet = new RedPacket(publicId, senderId, kind, receiver == null ? null : receiver.id(),
                greeting == null || greeting.isBlank() ? DEFAULT_GREETING : greeting.strip(), total, count, escrow,
                clock.instant());
        em.persist(packet);
        em.flush();
        long[] drawn = switch (kind) {
            case ONE_TO_ONE -> new long[] {total};
            case EQUAL -> LuckySplit.equal(total / count, count);
            case LUCKY -> LuckySplit.lucky(total, count, WalletLimits.MAX_RED_PACKET, RANDOM);
        };
        for (int i = 0; i < drawn.length; i++) {
            em.persist(new RedPacketShare(packet.id(), i + 1, drawn[i]));
        }
        // Business rows first, ledger accounts after (docs/payments.md): inserting while holding the escrow account
        // would wait on whatever an open holds, while that open waits for the escrow account.
        em.flush();
        Posting posting = ledger.post(PostingKind.RED_PACKET_SENT, publicId,
                Ledger.leg(wallet.accountId(), -total), Ledger.leg(escrow, total));
        packet.sentBy(posting.id());
        return view(packet, senderId, List.of());
    }

    private RedPackets self() {
        return context.getBusinessObject(RedPackets.class);
    }

    /** Opens the packet for this person: the next share is theirs; the work of an idempotent request. */
    public RedPacketView claim(long personId, String packetId) {
        requireWellFormed(packetId);
        long id = context.getBusinessObject(RedPackets.class).idOf(packetId).orElseThrow(RedPackets::unknown);
        RedPacket packet = em.find(RedPacket.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (packet.kind() == RedPacketKind.ONE_TO_ONE && packet.recipientId() != personId) {
            throw packet.senderId() == personId
                    ? new BusinessException(PaymentError.RED_PACKET_NOT_FOR_YOU,
                            "the recipient opens it, not the sender")
                    : unknown();
        }
        long claimedBefore = em.createNamedQuery(RedPacketShare.CLAIMED_BY, Long.class)
                .setParameter("packet", packet.id()).setParameter("person", personId).getSingleResult();
        if (claimedBefore > 0) {
            throw new BusinessException(PaymentError.RED_PACKET_ALREADY_CLAIMED);
        }
        Instant now = clock.instant();
        if (packet.status() == RedPacketStatus.EXPIRED || packet.isActive() && packet.hasRunOutAt(now)) {
            throw new BusinessException(PaymentError.RED_PACKET_EXPIRED,
                    "the 24 hours to open it ended at " + packet.expiresAt());
        }
        if (!packet.isActive()) {
            throw new BusinessException(PaymentError.RED_PACKET_EMPTY);
        }
        RedPacketShare share = em.createNamedQuery(RedPacketShare.BY_SEQ, RedPacketShare.class)
                .setParameter("packet", packet.id()).setParameter("seq", packet.nextShareSeq()).getSingleResult();
        // The share is taken before the ledger is locked: its unique key (packet, claimer) may have to wait for a
        // packet being sent, which must then not be waiting for an account this claim holds.
        share.claim(personId, now);
        em.flush();
        Wallet wallet = wallets.open(personId);
        Posting posting = ledger.post(PostingKind.RED_PACKET_CLAIMED, packet.publicId(),
                Ledger.leg(packet.escrowAccountId(), -share.amount()), Ledger.leg(wallet.accountId(), share.amount()));
        share.paidBy(posting.id());
        List<RedPacketShare> all = shares(packet);
        if (packet.handOut(share.amount(), now)) {
            all.stream().max(Comparator.comparingLong(RedPacketShare::amount)
                    .thenComparing(Comparator.comparingInt(RedPacketShare::seq).reversed()))
                    .ifPresent(RedPacketShare::markBestLuck);
        }
        return view(packet, personId, all);
    }

    /**
     * The packet's database id, looked up outside the caller's transaction: a lookup by public id inside it would
     * either lock an index range (FOR UPDATE) or fix the transaction's snapshot before the packet's lock is taken, so
     * that the reads after the lock would miss claims committed meanwhile. The caller then locks the row by its key.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Long> idOf(String packetId) {
        return em.createNamedQuery(RedPacket.ID_BY_PUBLIC_ID, Long.class).setParameter("publicId", packetId)
                .getResultStream().findFirst();
    }

    /** A malformed id is an unknown one, refused before the query. */
    private static void requireWellFormed(String packetId) {
        if (!Ids.isPublicId(RedPacket.ID_PREFIX, packetId)) {
            throw unknown();
        }
    }

    public RedPacketView get(long personId, String packetId) {
        requireWellFormed(packetId);
        RedPacket packet = em.createNamedQuery(RedPacket.BY_PUBLIC_ID, RedPacket.class)
                .setParameter("publicId", packetId).getResultStream().findFirst()
                .orElseThrow(RedPackets::unknown);
        if (packet.kind() == RedPacketKind.ONE_TO_ONE && packet.senderId() != personId
                && packet.recipientId() != personId) {
            throw unknown();
        }
        return view(packet, personId, shares(packet));
    }

    @Schedule(hour = "*", minute = "*", persistent = true, info = "red-packet-refund")
    void refundOnSchedule() {
        refundDue();
    }

    /** Sends back what is left of every packet whose 24 hours are over, each in its own transaction. */
    public int refundDue() {
        List<Long> due = em.createNamedQuery(RedPacket.DUE, Long.class).setParameter("status", RedPacketStatus.ACTIVE)
                .setParameter("now", clock.instant()).setMaxResults(1000).getResultList();
        RedPackets self = context.getBusinessObject(RedPackets.class);
        int refunded = DueWork.each(due, self::refund, LOG, "refund of red packet");
        if (refunded > 0) {
            int count = refunded;
            LOG.info(() -> count + " red packet(s) expired; their rest went back to the senders");
        }
        return refunded;
    }

    /** @return whether this call refunded it (false when it finished meanwhile or is not due) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean refund(long packetId) {
        RedPacket packet = em.find(RedPacket.class, packetId, LockModeType.PESSIMISTIC_WRITE);
        if (packet == null || !packet.isActive() || !packet.hasRunOutAt(clock.instant())) {
            return false;
        }
        Wallet sender = wallets.open(packet.senderId());
        Posting posting = ledger.post(PostingKind.RED_PACKET_REFUNDED, packet.publicId(),
                Ledger.leg(packet.escrowAccountId(), -packet.remainingAmount()),
                Ledger.leg(sender.accountId(), packet.remainingAmount()));
        packet.refunded(posting.id(), posting.postedAt());
        return true;
    }

    private List<RedPacketShare> shares(RedPacket packet) {
        return em.createNamedQuery(RedPacketShare.OF_PACKET, RedPacketShare.class).setParameter("packet", packet.id())
                .getResultList();
    }

    private RedPacketView view(RedPacket packet, long viewerId, List<RedPacketShare> shares) {
        Set<Long> personIds = new HashSet<>();
        personIds.add(packet.senderId());
        if (packet.recipientId() != null) {
            personIds.add(packet.recipientId());
        }
        shares.stream().filter(RedPacketShare::isClaimed).forEach(s -> personIds.add(s.claimerId()));
        Map<Long, Party> parties = new HashMap<>();
        people.byIds(personIds).forEach(p -> parties.put(p.id(), Party.of(p)));
        List<RedPacketShare> claimed = shares.stream().filter(RedPacketShare::isClaimed)
                .sorted(Comparator.comparing(RedPacketShare::claimedAt)).toList();
        Long mine = claimed.stream().filter(s -> s.claimerId() == viewerId).map(RedPacketShare::amount).findFirst()
                .orElse(null);
        long claimedAmount = claimed.stream().mapToLong(RedPacketShare::amount).sum();
        return new RedPacketView(packet.publicId(), packet.kind(), packet.greeting(), parties.get(packet.senderId()),
                packet.recipientId() == null ? null : parties.get(packet.recipientId()), packet.totalAmount(),
                packet.shares(), packet.claimedShares(), claimedAmount, packet.status(), packet.createdAt(),
                packet.expiresAt(), packet.finishedAt(), mine,
                claimed.stream().map(s -> new ClaimView(parties.get(s.claimerId()), s.amount(), s.claimedAt(),
                        s.isBestLuck())).toList());
    }

    private static BusinessException invalid(String message) {
        return new BusinessException(PaymentError.RED_PACKET_INVALID, message);
    }

    private static BusinessException unknown() {
        return new BusinessException(PaymentError.RED_PACKET_UNKNOWN);
    }
}
