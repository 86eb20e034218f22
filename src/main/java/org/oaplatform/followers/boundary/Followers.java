package org.oaplatform.followers.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.followers.entity.SubscribeScene;
import org.oaplatform.followers.entity.UnionIdentity;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.ConflictException;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.InvalidInputException;
import org.oaplatform.platform.control.NotFoundException;

/** Following and unfollowing, and what an account may read of its followers. */
@Stateless
public class Followers {

    /** WeChat's page size for {@code user/get}. */
    public static final int PAGE_SIZE = 10_000;
    public static final int MAX_REMARK_LENGTH = 30;

    /** One page of openids, and the openid to continue after ({@code null} at the end). */
    public record Page(long total, List<String> openids, String nextOpenid) {
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
                .orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "no such official account"));
        Follower follower = followerOf(person.id(), account);
        Instant now = clock.instant();
        boolean started = follower.subscribe(now, scene, qrScene, qrSceneStr);
        if (started) {
            em.createNativeQuery("INSERT INTO follower_count (account_id, subscribed) VALUES (?, 1)"
                    + " ON DUPLICATE KEY UPDATE subscribed = subscribed + 1").setParameter(1, account.id()).executeUpdate();
            subscribed.fire(new FollowerSubscribed(account.id(), account.appId(), follower.openid(), scene, qrScene,
                    qrSceneStr, qrTicket, now));
        }
        return new Followed(follower, started);
    }

    public void unfollow(long personId, String appId) {
        OfficialAccount account = accounts.findByAppId(appId)
                .orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "no such official account"));
        Follower follower = em.createNamedQuery(Follower.OF_PERSON_AND_ACCOUNT, Follower.class)
                .setParameter("personId", personId).setParameter("accountId", account.id()).getResultStream()
                .findFirst().filter(Follower::subscribed)
                .orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "you do not follow this account"));
        Instant now = clock.instant();
        follower.unsubscribe(now);
        em.createNativeQuery("UPDATE follower_count SET subscribed = subscribed - 1 WHERE account_id = ?")
                .setParameter(1, account.id()).executeUpdate();
        unsubscribed.fire(new FollowerUnsubscribed(account.id(), account.appId(), follower.openid(), now));
    }

    public OfficialAccount accountOf(Follower follower) {
        return em.find(OfficialAccount.class, follower.accountId());
    }

    public List<Following> followedBy(long personId) {
        return em.createNamedQuery(Follower.FOLLOWED_BY, Follower.class).setParameter("personId", personId)
                .getResultStream().map(f -> new Following(em.find(OfficialAccount.class, f.accountId()), f)).toList();
    }

    /** {@code user/get}: followers in a stable order (oldest follower row first), {@link #PAGE_SIZE} at a time. */
    public Page page(long accountId, String nextOpenid) {
        long afterId = 0;
        if (nextOpenid != null && !nextOpenid.isBlank()) {
            afterId = ofAccount(accountId, nextOpenid).id();
        }
        List<Object[]> rows = em.createNamedQuery(Follower.PAGE, Object[].class).setParameter("accountId", accountId)
                .setParameter("afterId", afterId).setMaxResults(PAGE_SIZE).getResultList();
        List<String> openids = rows.stream().map(r -> (String) r[1]).toList();
        return new Page(total(accountId), openids, openids.isEmpty() ? null : openids.get(openids.size() - 1));
    }

    /**
     * A follower (or former follower) of the account by openid.
     *
     * @throws InvalidInputException 40003 for an unknown openid or one of another account: never another tenant's data
     */
    public Follower ofAccount(long accountId, String openid) {
        return findOfAccount(accountId, openid).orElseThrow(() -> new InvalidInputException(ErrorCode.INVALID_OPENID,
                "invalid openid"));
    }

    public Optional<Follower> findOfAccount(long accountId, String openid) {
        if (openid == null || openid.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Follower.BY_OPENID, Follower.class).setParameter("openid", openid)
                .getResultStream().findFirst().filter(f -> f.accountId() == accountId);
    }

    /** All or nothing: one unknown openid fails the whole list. */
    public List<Follower> ofAccount(long accountId, List<String> openids) {
        return openids.stream().map(openid -> ofAccount(accountId, openid)).toList();
    }

    public void remark(long accountId, String openid, String remark) {
        if (remark != null && remark.codePointCount(0, remark.length()) > MAX_REMARK_LENGTH) {
            throw new InvalidInputException(ErrorCode.VALIDATION_FAILED,
                    "remark has at most " + MAX_REMARK_LENGTH + " characters");
        }
        ofAccount(accountId, openid).remark(remark == null || remark.isBlank() ? null : remark.strip());
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

    /** The person's language as WeChat names it in {@code user/info}. */
    public String languageOf(Follower follower) {
        return "zh-CN".equals(people.get(follower.personId()).language()) ? "zh_CN" : "en";
    }

    public long total(long accountId) {
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
            throw new ConflictException(ErrorCode.INVALID_STATE, "a concurrent request is following this account; retry");
        }
        return created;
    }
}
