package org.oaplatform.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.payments.entity.BankCard;
import org.oaplatform.payments.entity.LedgerAccount;
import org.oaplatform.payments.entity.Posting;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.PostingLeg;
import org.oaplatform.payments.entity.RedPacket;
import org.oaplatform.payments.entity.TopUp;
import org.oaplatform.payments.entity.TopUpStatus;
import org.oaplatform.payments.entity.Transfer;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.payments.entity.Withdrawal;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.PlatformError;

/**
 * A wallet's statement: the legs of its ledger account, newest first, each told as the business event behind it
 * (whom the money came from or went to, and where that transfer, packet or payout stands now). Pages are keyset
 * pages: {@code before} is the id of the last entry of the previous page. The first page also lists the money on its
 * way in that the ledger does not hold yet (top-ups the bank has not confirmed), apart from the entries: they have no
 * posting and no balance after them, and move to the entries once the bank confirms them.
 */
@Stateless
public class Statements {

    public static final int MAX_PAGE = 100;

    /**
     * A page size a client asked for, checked here rather than by {@code @Min}/{@code @Max} on the query parameter:
     * Payara 6's OpenAPI generator fails on a constraint annotation of any parameter that is not a path parameter
     * (it reads {@code @PathParam} unguarded), which made the first {@code /openapi} request answer 500 and every
     * later one a document cut short where the generator stopped.
     */
    public static int pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "limit must be between 1 and " + MAX_PAGE);
        }
        return limit;
    }

    public enum Direction {
        IN, OUT
    }

    public record Filter(List<PostingKind> types, Direction direction, Instant from, Instant to, String before,
            int limit) {
    }

    public record Counterpart(String kind, String name, String handle) {
    }

    public record Entry(String id, PostingKind type, long amount, long balanceAfter, String reference,
            Counterpart counterpart, String status, String memo, Instant postedAt) {
    }

    /** A top-up recorded but not confirmed by the bank: nothing is credited until it is. */
    public record Pending(String id, PostingKind type, long amount, Counterpart counterpart, String status,
            Instant requestedAt) {
    }

    /** @param pending on the first page only (without {@code before}), newest first, filtered like the entries */
    public record Page(long balance, List<Entry> entries, List<Pending> pending, String nextBefore) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Instance<StatementReferences> otherReferences;

    public Page of(long personId, Filter filter) {
        int limit = filter.limit() <= 0 ? 20 : Math.min(filter.limit(), MAX_PAGE);
        Wallet wallet = em.find(Wallet.class, personId);
        if (wallet == null) {
            // A first top-up may still be pending: the wallet is opened when money first arrives.
            return new Page(0, List.of(), pending(personId, filter, limit), null);
        }
        long accountId = wallet.accountId();
        // JPA allows no alias on a fetch join (Hibernate refuses one): filters name the posting by its path.
        StringBuilder jpql = new StringBuilder("SELECT l FROM PostingLeg l JOIN FETCH l.posting"
                + " WHERE l.accountId = :account");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("account", accountId);
        if (filter.before() != null && !filter.before().isBlank()) {
            if (!Ids.isPublicId(Posting.ID_PREFIX, filter.before())) {
                throw notAnEntry();
            }
            List<Long> cursor = em.createQuery("SELECT l.id FROM PostingLeg l WHERE l.accountId = :account"
                    + " AND l.posting.publicId = :posting", Long.class).setParameter("account", accountId)
                    .setParameter("posting", filter.before()).getResultList();
            if (cursor.isEmpty()) {
                throw notAnEntry();
            }
            jpql.append(" AND l.id < :before");
            parameters.put("before", cursor.get(0));
        }
        if (filter.types() != null && !filter.types().isEmpty()) {
            jpql.append(" AND l.posting.kind IN :types");
            parameters.put("types", filter.types());
        }
        if (filter.direction() == Direction.IN) {
            jpql.append(" AND l.amount > 0");
        } else if (filter.direction() == Direction.OUT) {
            jpql.append(" AND l.amount < 0");
        }
        within(filter, "l.postedAt", jpql, parameters);
        jpql.append(" ORDER BY l.id DESC");
        TypedQuery<PostingLeg> query = em.createQuery(jpql.toString(), PostingLeg.class);
        parameters.forEach(query::setParameter);
        List<PostingLeg> legs = query.setMaxResults(limit + 1).getResultList();
        boolean more = legs.size() > limit;
        List<PostingLeg> page = more ? legs.subList(0, limit) : legs;
        List<Entry> entries = describe(personId, page);
        long balance = em.find(LedgerAccount.class, accountId).balance();
        return new Page(balance, entries, pending(personId, filter, limit),
                more ? entries.get(entries.size() - 1).id() : null);
    }

    private static BusinessException notAnEntry() {
        return new BusinessException(PlatformError.VALIDATION_FAILED, "before must be the id of an entry of this statement");
    }

    private List<Pending> pending(long personId, Filter filter, int limit) {
        boolean firstPage = filter.before() == null || filter.before().isBlank();
        boolean topUpsWanted = filter.types() == null || filter.types().isEmpty()
                || filter.types().contains(PostingKind.TOP_UP);
        if (!firstPage || !topUpsWanted || filter.direction() == Direction.OUT) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("SELECT t FROM TopUp t WHERE t.personId = :person"
                + " AND t.status = :status");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("person", personId);
        parameters.put("status", TopUpStatus.PENDING);
        within(filter, "t.createdAt", jpql, parameters);
        jpql.append(" ORDER BY t.id DESC");
        TypedQuery<TopUp> query = em.createQuery(jpql.toString(), TopUp.class);
        parameters.forEach(query::setParameter);
        List<TopUp> topUps = query.setMaxResults(limit).getResultList();
        Map<Long, Counterpart> cards = cards(topUps.stream().map(TopUp::cardId).collect(Collectors.toSet()));
        return topUps.stream().map(t -> new Pending(t.publicId(), PostingKind.TOP_UP, t.amount(),
                cards.get(t.cardId()), t.status().name(), t.createdAt())).toList();
    }

    private List<Entry> describe(long viewerId, List<PostingLeg> legs) {
        Set<String> references = legs.stream().map(l -> l.posting().reference()).collect(Collectors.toSet());
        Map<String, Transfer> transfers = byPublicId(Transfer.BY_PUBLIC_IDS, Transfer.class, references, Transfer.ID_PREFIX,
                Transfer::publicId);
        Map<String, RedPacket> packets = byPublicId(RedPacket.BY_PUBLIC_IDS, RedPacket.class, references, RedPacket.ID_PREFIX,
                RedPacket::publicId);
        Map<String, TopUp> topUps = byPublicId(TopUp.BY_PUBLIC_IDS, TopUp.class, references, TopUp.ID_PREFIX,
                TopUp::publicId);
        Map<String, Withdrawal> withdrawals = byPublicId(Withdrawal.BY_PUBLIC_IDS, Withdrawal.class, references,
                Withdrawal.ID_PREFIX, Withdrawal::publicId);
        Set<Long> personIds = new HashSet<>();
        transfers.values().forEach(t -> {
            personIds.add(t.senderId());
            personIds.add(t.receiverId());
        });
        packets.values().forEach(p -> {
            personIds.add(p.senderId());
            if (p.recipientId() != null) {
                personIds.add(p.recipientId());
            }
        });
        Map<Long, Counterpart> persons = new HashMap<>();
        people.byIds(personIds).forEach(p -> persons.put(p.id(),
                new Counterpart("PERSON", p.displayName(), p.handle())));
        Set<Long> cardIds = new HashSet<>();
        topUps.values().forEach(t -> cardIds.add(t.cardId()));
        withdrawals.values().forEach(w -> cardIds.add(w.cardId()));
        Map<Long, Counterpart> cards = cards(cardIds);
        Set<String> others = new HashSet<>(references);
        others.removeAll(transfers.keySet());
        others.removeAll(packets.keySet());
        others.removeAll(topUps.keySet());
        others.removeAll(withdrawals.keySet());
        Map<String, StatementReferences.Described> described = new HashMap<>();
        if (!others.isEmpty()) {
            otherReferences.forEach(source -> described.putAll(source.describe(others)));
        }
        return legs.stream().map(leg -> {
            String reference = leg.posting().reference();
            Counterpart counterpart = null;
            String status = null;
            String memo = null;
            if (transfers.containsKey(reference)) {
                Transfer t = transfers.get(reference);
                counterpart = persons.get(t.senderId() == viewerId ? t.receiverId() : t.senderId());
                status = t.status().name();
                memo = t.memo();
            } else if (packets.containsKey(reference)) {
                RedPacket p = packets.get(reference);
                counterpart = p.senderId() != viewerId ? persons.get(p.senderId())
                        : p.recipientId() == null ? null : persons.get(p.recipientId());
                status = p.status().name();
                memo = p.greeting();
            } else if (topUps.containsKey(reference)) {
                counterpart = cards.get(topUps.get(reference).cardId());
                status = "SUCCEEDED";
            } else if (withdrawals.containsKey(reference)) {
                Withdrawal w = withdrawals.get(reference);
                counterpart = cards.get(w.cardId());
                status = w.status().name();
            } else if (described.containsKey(reference)) {
                StatementReferences.Described d = described.get(reference);
                counterpart = d.counterpart();
                status = d.status();
                memo = d.memo();
            }
            return new Entry(leg.posting().publicId(), leg.posting().kind(), leg.amount(), leg.balanceAfter(),
                    reference, counterpart, status, memo, leg.postedAt());
        }).toList();
    }

    /** The filter's period, from inclusive to exclusive, on {@code instant}. */
    private static void within(Filter filter, String instant, StringBuilder jpql, Map<String, Object> parameters) {
        if (filter.from() != null) {
            jpql.append(" AND ").append(instant).append(" >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" AND ").append(instant).append(" < :to");
            parameters.put("to", filter.to());
        }
    }

    private Map<Long, Counterpart> cards(Set<Long> cardIds) {
        Map<Long, Counterpart> cards = new HashMap<>();
        if (!cardIds.isEmpty()) {
            em.createNamedQuery(BankCard.BY_IDS, BankCard.class).setParameter("ids", cardIds).getResultList()
                    .forEach(c -> cards.put(c.id(), new Counterpart("BANK_CARD", c.label(), null)));
        }
        return cards;
    }

    private <T> Map<String, T> byPublicId(String namedQuery, Class<T> type, Set<String> references, String prefix,
            Function<T, String> publicId) {
        List<String> wanted = references.stream().filter(r -> r.startsWith(prefix)).toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(namedQuery, type).setParameter("ids", wanted).getResultStream()
                .collect(Collectors.toMap(publicId, Function.identity()));
    }
}
