package org.oaplatform.followers.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.followers.entity.SubscribeScene;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Text;

/** The portal's list of an account's followers: keyset pages, search by openid or remark prefix, their tags. */
@Stateless
public class FollowerBrowsing {

    /** The largest page {@link #browse} answers: a screenful for people, not an export. */
    public static final int MAX_BROWSE_PAGE = 100;
    /** What a search text must look like to be taken as the beginning of an openid as well. */
    private static final Pattern OPENID_PREFIX = Pattern.compile("o[A-Za-z0-9_-]{0,27}");

    /** A follower as the portal lists it, with the WeChat ids of the tags on them (in tag id order). */
    public record Row(long id, String openid, Instant subscribeTime, SubscribeScene subscribeScene, Long qrScene,
            String qrSceneStr, String remark, boolean blacklisted, List<Integer> tagIds) {
    }

    /**
     * One page of {@link #browse}: the account's follower count (from {@code follower_count}, never counted), the
     * rows, and the follower id to continue after ({@code null} on the last page).
     */
    public record Browsed(long total, List<Row> rows, Long nextAfter) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Followers followers;

    /**
     * For the portal: a page of the account's followers in follower id order, after {@code afterFollowerId} (0 for the
     * first page), optionally only those whose openid or remark starts with {@code query}. Every member of the account
     * may look (operators run followers day to day); anybody else gets {@code NOT_FOUND}, as if there were no account.
     * <p>
     * Keyset paging on indexes, so that a page costs the same at the millionth follower as at the first: the plain
     * list walks {@code (account_id, subscribed, id)}; a search asks the openid index for the openid prefix and
     * {@code (account_id, subscribed, remark)} for the remark prefix (a "contains" search would read every follower)
     * and merges the two by id. The total is {@link Followers#total}, kept by follow and unfollow.
     */
    public Browsed browse(long personId, String appId, String query, long afterFollowerId, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_BROWSE_PAGE) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED,
                    "a page has 1 to " + MAX_BROWSE_PAGE + " followers");
        }
        AccountId account = accounts.requireMember(personId, appId).account().accountId();
        long accountId = account.value();
        String text = query == null ? "" : query.strip();
        String listed = "SELECT f FROM Follower f WHERE f.accountId = :accountId AND f.subscribed = TRUE"
                + " AND f.id > :afterId";
        List<Follower> found = new ArrayList<>();
        if (text.isEmpty()) {
            found.addAll(page(listed + " ORDER BY f.id", accountId, afterFollowerId, null, pageSize + 1));
        } else {
            String prefix = Text.likeStartingWith(text);
            if (OPENID_PREFIX.matcher(text).matches()) {
                found.addAll(page(listed + " AND f.openid LIKE :prefix ESCAPE '\\' ORDER BY f.id", accountId,
                        afterFollowerId, prefix, pageSize + 1));
            }
            found.addAll(page(listed + " AND f.remark LIKE :prefix ESCAPE '\\' ORDER BY f.id", accountId,
                    afterFollowerId, prefix, pageSize + 1));
        }
        Map<Long, Follower> byId = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparing(Follower::id)).forEach(f -> byId.putIfAbsent(f.id(), f));
        List<Follower> page = byId.values().stream().limit(pageSize).toList();
        Map<Long, List<Integer>> tagIds = tagIdsByFollower(page);
        List<Row> rows = page.stream().map(f -> new Row(f.id(), f.openid(), f.subscribeTime(), f.subscribeScene(),
                f.qrScene(), f.qrSceneStr(), f.remark(), f.blacklisted(), tagIds.getOrDefault(f.id(), List.of())))
                .toList();
        Long nextAfter = byId.size() > pageSize ? page.get(page.size() - 1).id() : null;
        return new Browsed(followers.total(account), rows, nextAfter);
    }

    private List<Follower> page(String jpql, long accountId, long afterId, String prefix, int limit) {
        var query = em.createQuery(jpql, Follower.class).setParameter("accountId", accountId)
                .setParameter("afterId", afterId).setMaxResults(limit);
        if (prefix != null) {
            query.setParameter("prefix", prefix);
        }
        return query.getResultList();
    }

    /** The tag ids of a page of followers in one query, by follower id. */
    private Map<Long, List<Integer>> tagIdsByFollower(List<Follower> page) {
        Map<Long, List<Integer>> tagIds = new HashMap<>();
        if (page.isEmpty()) {
            return tagIds;
        }
        em.createQuery("SELECT g.followerId, t.tagId FROM Tagging g, Tag t WHERE g.tagPk = t.id"
                + " AND g.followerId IN :followers ORDER BY t.tagId", Object[].class)
                .setParameter("followers", page.stream().map(Follower::id).toList()).getResultStream()
                .forEach(r -> tagIds.computeIfAbsent((Long) r[0], id -> new ArrayList<>()).add((Integer) r[1]));
        return tagIds;
    }
}
