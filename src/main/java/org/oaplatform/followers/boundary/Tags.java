package org.oaplatform.followers.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oaplatform.followers.control.FollowerError;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.followers.entity.Tag;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.InstantConverter;

/**
 * Follower tags and the blacklist with WeChat's limits (spec §7.2, §7.3). Batch operations are all or nothing: one
 * bad openid or one follower over the tag limit fails the whole call and changes nothing.
 * <p>
 * The methods taking an account id serve {@code /cgi-bin}, whose caller the access token identified. Those taking a
 * person id and an appid serve the portal: they first require the person to be a member of the account (any role:
 * operators manage followers day to day; others get {@code NOT_FOUND}) and then apply the same rules.
 */
@Stateless
public class Tags {

    public static final int MAX_CUSTOM_TAGS = 100;
    public static final int MAX_NAME_LENGTH = 30;
    public static final int MAX_TAGGING_BATCH = 50;
    public static final int MAX_TAGS_PER_FOLLOWER = 20;
    public static final int MAX_FANS_TO_DELETE = 100_000;
    public static final int MAX_BLACKLIST_BATCH = 20;

    public record TagCount(Tag tag, long count) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Followers followers;

    @Inject
    OfficialAccounts accounts;

    /** For the portal: {@link #list(AccountId)}, the account's tags with their follower counts. */
    public List<TagCount> list(long personId, String appId) {
        return list(accountOf(personId, appId));
    }

    /** For the portal: the account's tags without counting their followers (cheap: for choosing a tag). */
    public List<Tag> definitions(long personId, String appId) {
        long accountId = accountOf(personId, appId).value();
        ensureSystemTags(accountId);
        return tags(accountId);
    }

    /** For the portal: {@link #create(AccountId, String)}. */
    public Tag create(long personId, String appId, String name) {
        return create(accountOf(personId, appId), name);
    }

    /** For the portal: {@link #rename(AccountId, int, String)}. */
    public void rename(long personId, String appId, int tagId, String name) {
        rename(accountOf(personId, appId), tagId, name);
    }

    /** For the portal: {@link #delete(AccountId, int)}. */
    public void delete(long personId, String appId, int tagId) {
        delete(accountOf(personId, appId), tagId);
    }

    /** For the portal: {@link #tag(AccountId, int, List)}. */
    public void tag(long personId, String appId, int tagId, List<String> openids) {
        tag(accountOf(personId, appId), tagId, openids);
    }

    /** For the portal: {@link #untag(AccountId, int, List)}. */
    public void untag(long personId, String appId, int tagId, List<String> openids) {
        untag(accountOf(personId, appId), tagId, openids);
    }

    /** For the portal: {@link #blacklist(AccountId, List)}. */
    public void blacklist(long personId, String appId, List<String> openids) {
        blacklist(accountOf(personId, appId), openids);
    }

    /** For the portal: {@link #unblacklist(AccountId, List)}. */
    public void unblacklist(long personId, String appId, List<String> openids) {
        unblacklist(accountOf(personId, appId), openids);
    }

    /** The follower of the account with that openid (40003 otherwise). */
    public Follower follower(AccountId account, String openid) {
        return followers.ofAccount(account, openid);
    }

    public List<TagCount> list(AccountId account) {
        long accountId = account.value();
        ensureSystemTags(accountId);
        Map<Long, Long> counts = em.createQuery("SELECT g.tagPk, COUNT(g) FROM Tagging g, Follower f"
                + " WHERE f.id = g.followerId AND f.accountId = :accountId AND f.subscribed = TRUE GROUP BY g.tagPk",
                Object[].class).setParameter("accountId", accountId).getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
        return tags(accountId).stream().map(t -> new TagCount(t, counts.getOrDefault(t.id(), 0L))).toList();
    }

    public Tag create(AccountId account, String name) {
        long accountId = account.value();
        String checked = checkedName(name);
        ensureSystemTags(accountId);
        List<Tag> existing = tags(accountId);
        if (existing.stream().filter(t -> !t.isSystem()).count() >= MAX_CUSTOM_TAGS) {
            throw new BusinessException(FollowerError.TOO_MANY_TAGS);
        }
        requireFreeName(accountId, checked);
        int next = Math.max(Tag.FIRST_CUSTOM_ID, existing.stream().mapToInt(Tag::tagId).max().orElse(0) + 1);
        Tag tag = new Tag(accountId, next, checked, false, clock.instant());
        try {
            em.persist(tag);
            em.flush();
        } catch (PersistenceException concurrentCreate) {
            throw new BusinessException(FollowerError.TAG_NAME_TAKEN,
                    "a tag with this name or id was just created; retry");
        }
        return tag;
    }

    public void rename(AccountId account, int tagId, String name) {
        long accountId = account.value();
        Tag tag = modifiable(accountId, tagId);
        String checked = checkedName(name);
        if (!checked.equals(tag.name())) {
            requireFreeName(accountId, checked);
            tag.rename(checked);
        }
    }

    public void delete(AccountId account, int tagId) {
        long accountId = account.value();
        Tag tag = modifiable(accountId, tagId);
        long fans = em.createQuery("SELECT COUNT(g) FROM Tagging g WHERE g.tagPk = :tag", Long.class)
                .setParameter("tag", tag.id()).getSingleResult();
        if (fans > MAX_FANS_TO_DELETE) {
            throw new BusinessException(FollowerError.TAG_TOO_BIG_TO_DELETE,
                    "untag its " + fans + " followers in batches first");
        }
        em.createQuery("DELETE FROM Tagging g WHERE g.tagPk = :tag").setParameter("tag", tag.id()).executeUpdate();
        em.remove(tag);
    }

    public void tag(AccountId account, int tagId, List<String> openids) {
        long accountId = account.value();
        Tag tag = taggable(accountId, tagId);
        List<Follower> batch = batch(account, openids, MAX_TAGGING_BATCH);
        for (Follower follower : batch) {
            Set<Long> current = tagPksOf(follower);
            if (!current.contains(tag.id()) && current.size() >= MAX_TAGS_PER_FOLLOWER) {
                throw new BusinessException(FollowerError.TOO_MANY_TAGS_ON_FOLLOWER,
                        follower.openid() + " has " + MAX_TAGS_PER_FOLLOWER + " tags already");
            }
        }
        for (Follower follower : batch) {
            em.createNativeQuery("INSERT INTO follower_tagging (follower_id, tag_pk) VALUES (?, ?)"
                    + " ON DUPLICATE KEY UPDATE tag_pk = tag_pk")
                    .setParameter(1, follower.id()).setParameter(2, tag.id()).executeUpdate();
        }
    }

    public void untag(AccountId account, int tagId, List<String> openids) {
        long accountId = account.value();
        Tag tag = taggable(accountId, tagId);
        List<Long> followerIds = batch(account, openids, MAX_TAGGING_BATCH).stream().map(Follower::id).toList();
        em.createQuery("DELETE FROM Tagging g WHERE g.tagPk = :tag AND g.followerId IN :followers")
                .setParameter("tag", tag.id()).setParameter("followers", followerIds).executeUpdate();
    }

    /** {@code tagid_list} of a follower, in tag id order. */
    public List<Integer> tagIdsOf(Follower follower) {
        return followers.tagIdsOf(follower);
    }

    /** {@code user/tag/get}: the followers carrying a tag, pages of {@link Followers#PAGE_SIZE}. */
    public Followers.Page members(AccountId account, int tagId, String nextOpenid) {
        long accountId = account.value();
        Tag tag = taggable(accountId, tagId);
        long afterId = followers.positionAfter(account, nextOpenid);
        List<String> openids = em.createQuery("SELECT f.openid FROM Follower f, Tagging g WHERE g.followerId = f.id"
                + " AND g.tagPk = :tag AND f.subscribed = TRUE AND f.id > :afterId ORDER BY f.id", String.class)
                .setParameter("tag", tag.id()).setParameter("afterId", afterId)
                .setMaxResults(Followers.PAGE_SIZE).getResultList();
        return Followers.Page.of(openids.size(), openids);
    }

    public Followers.Page blacklist(AccountId account, String beginOpenid) {
        long accountId = account.value();
        long afterId = followers.positionAfter(account, beginOpenid);
        List<Object[]> rows = em.createNamedQuery(Follower.BLACKLIST_PAGE, Object[].class)
                .setParameter("accountId", accountId).setParameter("afterId", afterId)
                .setMaxResults(Followers.PAGE_SIZE).getResultList();
        List<String> openids = rows.stream().map(r -> (String) r[1]).toList();
        long total = em.createNamedQuery(Follower.BLACKLIST_COUNT, Long.class).setParameter("accountId", accountId)
                .getSingleResult();
        return Followers.Page.of(total, openids);
    }

    public void blacklist(AccountId account, List<String> openids) {
        Instant now = clock.instant();
        batch(account, openids, MAX_BLACKLIST_BATCH).forEach(f -> f.blacklist(now));
    }

    public void unblacklist(AccountId account, List<String> openids) {
        batch(account, openids, MAX_BLACKLIST_BATCH).forEach(Follower::unblacklist);
    }

    /** The account's id if the person is a member of it (any role); {@code NOT_FOUND} otherwise. */
    private AccountId accountOf(long personId, String appId) {
        return accounts.requireMember(personId, appId).account().accountId();
    }

    private List<Follower> batch(AccountId account, List<String> openids, int max) {
        if (openids == null || openids.isEmpty() || openids.size() > max) {
            throw new BusinessException(FollowerError.INVALID_OPENID_LIST_SIZE,
                    "openid_list has 1 to " + max + " openids");
        }
        return followers.ofAccount(account, List.copyOf(new LinkedHashSet<>(openids)));
    }

    private Set<Long> tagPksOf(Follower follower) {
        return Set.copyOf(em.createQuery("SELECT g.tagPk FROM Tagging g WHERE g.followerId = :follower", Long.class)
                .setParameter("follower", follower.id()).getResultList());
    }

    /** The account's tag by its WeChat id (45159 otherwise), for whoever addresses its members (broadcasts). */
    public Tag byTagId(AccountId account, int tagId) {
        return taggable(account.value(), tagId);
    }

    private Tag taggable(long accountId, int tagId) {
        ensureSystemTags(accountId);
        return existing(accountId, tagId);
    }

    private Tag modifiable(long accountId, int tagId) {
        if (tagId < Tag.FIRST_CUSTOM_ID) {
            throw new BusinessException(FollowerError.SYSTEM_TAG);
        }
        return existing(accountId, tagId);
    }

    private Tag existing(long accountId, int tagId) {
        return em.createNamedQuery(Tag.BY_TAG_ID, Tag.class).setParameter("accountId", accountId)
                .setParameter("tagId", tagId).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException(FollowerError.INVALID_TAG_ID));
    }

    private List<Tag> tags(long accountId) {
        return em.createNamedQuery(Tag.OF_ACCOUNT, Tag.class).setParameter("accountId", accountId).getResultList();
    }

    private void requireFreeName(long accountId, String name) {
        if (!em.createNamedQuery(Tag.BY_NAME, Tag.class).setParameter("accountId", accountId).setParameter("name", name)
                .getResultList().isEmpty()) {
            throw new BusinessException(FollowerError.TAG_NAME_TAKEN, "a tag with this name exists");
        }
    }

    private static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new BusinessException(FollowerError.TAG_NAME_TAKEN, "a tag needs a name");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH) {
            throw new BusinessException(FollowerError.TAG_NAME_TOO_LONG,
                    "tag names have at most " + MAX_NAME_LENGTH + " characters");
        }
        return stripped;
    }

    /** The starred group exists on every account, created the first time the account uses tags. */
    private void ensureSystemTags(long accountId) {
        em.createNativeQuery("INSERT INTO follower_tag (account_id, tag_id, name, system_tag, created_at)"
                + " VALUES (?, ?, ?, TRUE, ?) ON DUPLICATE KEY UPDATE tag_id = tag_id")
                .setParameter(1, accountId).setParameter(2, Tag.STARRED_ID).setParameter(3, Tag.STARRED_NAME)
                .setParameter(4, InstantConverter.utc(clock.instant()))
                .executeUpdate();
    }
}
