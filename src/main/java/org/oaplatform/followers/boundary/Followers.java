package org.oaplatform.followers.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.followers.control.FollowerError;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.followers.entity.SubscribeScene;
import org.oaplatform.followers.entity.UnionIdentity;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Text;

/** Following and unfollowing, and what an account may read of its followers. */
@Stateless
public class Followers {

    /** WeChat's page size for {@code user/get}. */
    public static final int PAGE_SIZE = 10_000;
    public static final int MAX_REMARK_LENGTH = 30;

    /** One page of openids, and the openid to continue after ({@code null} at the end). */
    public record Page(long total, List<String> openids, String nextOpenid) {

        /** A page of openids in follower id order: the next one starts after the last. */
        static Page of(long total, List<String> openids) {
            return new Page(total, openids, openids.isEmpty() ? null : openids.get(openids.size() - 1));
        }
    }

    /** The outcome of a follow request: the follower, and whether this request started the follow. */
    public record Followed(Follower follower, boolean started) {
    }

    /** A follow as the person sees it. */
    public record Following(OfficialAccount account, Follower follower) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    People people;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Event<FollowerSubscribed> subscribed;

    @Inject
    Event<FollowerUnsubscribed> unsubscribed;

    /** Makes the person follow the account. Following again is no change and no error. */
    public Followed follow(long personId, String appId, SubscribeScene scene, Long qrScene, String qrSceneStr,
            String qrTicket) {
        Person person = people.get(personId);
        OfficialAccount account = accounts.findByAppId(appId).filter(a -> accounts.isVisibleTo(person, a))
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such official account"));
        Follower follower = followerOf(person.id(), account);
        Instant now = clock.instant();
        boolean started = follower.subscribe(now, scene, qrScene, qrSceneStr);
        if (started) {
            if (follower.unionid() == null) {
                follower.unionid(unionidOf(follower)); // made now, so that reading user/info never writes
            }
            em.createNativeQuery("INSERT INTO follower_count (account_id, subscribed) VALUES (?, 1)"
                    + " ON DUPLICATE KEY UPDATE subscribed = subscribed + 1").setParameter(1, account.id()).executeUpdate();
            subscribed.fire(new FollowerSubscribed(account.id(), account.appId(), follower.openid(), scene, qrScene,
                    qrSceneStr, qrTicket, now));
        }
        return new Followed(follower, started);
    }

    public void unfollow(long personId, String appId) {
        OfficialAccount account = accounts.findByAppId(appId)
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such official account"));
        Follower follower = following(personId, account.accountId())
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "you do not follow this account"));
        Instant now = clock.instant();
        follower.unsubscribe(now);
        em.createNativeQuery("UPDATE follower_count SET subscribed = subscribed - 1 WHERE account_id = ?")
                .setParameter(1, account.id()).executeUpdate();
        unsubscribed.fire(new FollowerUnsubscribed(account.id(), account.appId(), follower.openid(), now));
    }

    /** The person as a follower of the account, if they follow it now. */
    public Optional<Follower> following(long personId, AccountId account) {
        return em.createNamedQuery(Follower.OF_PERSON_AND_ACCOUNT, Follower.class).setParameter("personId", personId)
                .setParameter("accountId", account.value()).getResultStream().findFirst().filter(Follower::subscribed);
    }

    public OfficialAccount accountOf(Follower follower) {
        return em.find(OfficialAccount.class, follower.accountId());
    }

    public List<Following> followedBy(long personId) {
        return em.createNamedQuery(Follower.FOLLOWED_BY, Follower.class).setParameter("personId", personId)
                .getResultStream().map(f -> new Following(em.find(OfficialAccount.class, f.accountId()), f)).toList();
    }

    /** {@code user/get}: followers in a stable order (oldest follower row first), {@link #PAGE_SIZE} at a time. */
    public Page page(AccountId account, String nextOpenid) {
        long accountId = account.value();
        long afterId = positionAfter(account, nextOpenid);
        List<Object[]> rows = em.createNamedQuery(Follower.PAGE, Object[].class).setParameter("accountId", accountId)
                .setParameter("afterId", afterId).setMaxResults(PAGE_SIZE).getResultList();
        List<String> openids = rows.stream().map(r -> (String) r[1]).toList();
        return Page.of(total(account), openids);
    }

    /**
     * A follower (or former follower) of the account by openid.
     *
     * @throws BusinessException 40003 for an unknown openid or one of another account: never another tenant's data
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Follower ofAccount(AccountId account, String openid) {
        return findOfAccount(account, openid).orElseThrow(() -> new BusinessException(FollowerError.INVALID_OPENID,
                "invalid openid"));
    }

    /**
     * The follower a message from the account may be sent to (customer-service and template messages): 40003 for an
     * unknown openid, 43004 when they do not follow, 43019 when the account blacklisted them. The row stays locked
     * until the caller's transaction ends, so that what is counted per follower (the service window, anti-replay
     * keys) is counted one send at a time; it is the business row of such a send and is locked first.
     */
    public Follower receiver(AccountId account, String openid) {
        Follower follower = ofAccount(account, openid);
        em.refresh(follower, LockModeType.PESSIMISTIC_WRITE);
        if (!follower.subscribed()) {
            throw new BusinessException(FollowerError.NOT_FOLLOWING);
        }
        if (follower.blacklisted()) {
            throw new BusinessException(FollowerError.BLACKLISTED);
        }
        return follower;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Follower> findOfAccount(AccountId account, String openid) {
        long accountId = account.value();
        if (!Ids.matches(Ids.OPENID, openid)) {
            return Optional.empty();
        }
        return em.createNamedQuery(Follower.BY_OPENID, Follower.class).setParameter("openid", openid)
                .getResultStream().findFirst().filter(f -> f.accountId() == accountId);
    }

    /**
     * Where a keyset page of the account's followers starts: after the follower whose openid the client quotes from
     * the previous page ({@code next_openid}, {@code begin_openid}), or at the start when it quotes none. An openid of
     * another account is 40003, never a position in this one.
     */
    public long positionAfter(AccountId account, String openid) {
        return openid == null || openid.isBlank() ? 0 : ofAccount(account, openid).id();
    }

    /** A follower row by its id, for components handed one by an event of this transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Follower byId(long followerId) {
        return em.find(Follower.class, followerId);
    }

    /** The person's follower record for the account (also after an unfollow), if they ever followed it. */
    public Optional<Follower> findOfPerson(long personId, AccountId account) {
        return em.createNamedQuery(Follower.OF_PERSON_AND_ACCOUNT, Follower.class).setParameter("personId", personId)
                .setParameter("accountId", account.value()).getResultStream().findFirst();
    }

    /** All or nothing: one unknown openid fails the whole list. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Follower> ofAccount(AccountId account, List<String> openids) {
        return openids.stream().map(openid -> ofAccount(account, openid)).toList();
    }

    /** For the portal: {@link #remark(AccountId, String, String)} by a member of the account (any role). */
    public void remark(long personId, String appId, String openid, String remark) {
        remark(accounts.requireMember(personId, appId).account().accountId(), openid, remark);
    }

    /** The WeChat ids of the tags on a follower, in tag id order. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Integer> tagIdsOf(Follower follower) {
        return em.createQuery("SELECT t.tagId FROM Tag t, Tagging g WHERE g.tagPk = t.id AND g.followerId = :follower"
                + " ORDER BY t.tagId", Integer.class).setParameter("follower", follower.id()).getResultList();
    }

    public void remark(AccountId account, String openid, String remark) {
        if (remark != null && remark.codePointCount(0, remark.length()) > MAX_REMARK_LENGTH) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    "remark has at most " + MAX_REMARK_LENGTH + " characters");
        }
        Follower follower = ofAccount(account, openid);
        // Locked and read again: two remarks for one follower at once then both succeed, the later one standing,
        // instead of one failing on the row's version at commit. Setting a remark twice is harmless.
        em.refresh(follower, LockModeType.PESSIMISTIC_WRITE);
        follower.remark(Text.strippedOrNull(remark));
    }

    /**
     * Gives a follower whose row does not carry its unionid yet (followed before rows carried it, and missed by the
     * migration) its unionid, made if the person has none towards the owner yet; the only write of a follower read.
     */
    public String assignUnionid(long followerId) {
        Follower follower = em.find(Follower.class, followerId, LockModeType.PESSIMISTIC_WRITE);
        if (follower.unionid() == null) {
            follower.unionid(unionidOf(follower));
        }
        return follower.unionid();
    }

    /** The person's unionid towards the account's owner, made on first use. */
    public String unionidOf(Follower follower) {
        long owner = accounts.ownerOf(em.find(OfficialAccount.class, follower.accountId()));
        return em.createNamedQuery(UnionIdentity.OF, UnionIdentity.class).setParameter("owner", owner)
                .setParameter("person", follower.personId()).getResultStream().findFirst()
                .orElseGet(() -> {
                    UnionIdentity created = new UnionIdentity(owner, follower.personId(), ids.openid());
                    em.persist(created);
                    return created;
                }).unionid();
    }

    public long total(AccountId account) {
        long accountId = account.value();
        Object count = em.createNativeQuery("SELECT subscribed FROM follower_count WHERE account_id = ?")
                .setParameter(1, accountId).getResultStream().findFirst().orElse(0L);
        return ((Number) count).longValue();
    }

    private Follower followerOf(long personId, OfficialAccount account) {
        Optional<Follower> existing = em.createNamedQuery(Follower.OF_PERSON_AND_ACCOUNT, Follower.class)
                .setParameter("personId", personId).setParameter("accountId", account.id()).getResultStream()
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Follower created = new Follower(account.id(), personId, ids.openid());
        try {
            em.persist(created);
            em.flush();
        } catch (PersistenceException concurrentFirstFollow) {
            throw new BusinessException(PlatformError.INVALID_STATE,
                    "a concurrent request is following this account; retry");
        }
        return created;
    }
}
