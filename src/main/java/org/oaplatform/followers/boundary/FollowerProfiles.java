package org.oaplatform.followers.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.officialaccounts.entity.AccountId;

/**
 * What {@code user/info} tells of a follower (spec §7.1): the follower, their language, their unionid towards the
 * account's owner (carried on the follower's row since they followed) and their tags. Its own bean: it reads across
 * components (people) and is one of the hot paths (docs/performance.md).
 * <p>
 * Three reads and no transaction: a transaction would add three round trips (autocommit off, commit, autocommit on)
 * to three, for nothing, since nothing is written. The reads are separate statements, so a profile may mix a tag
 * change committed between them; {@code user/info} promises no more than WeChat's does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FollowerProfiles {

    @Inject
    People people;

    @Inject
    Followers followers;

    /** What {@code user/info} tells of a follower. */
    public record Profile(Follower follower, String language, String unionid, List<Integer> tagIds) {
    }

    /** {@code user/info}: the follower, their language, unionid and tags. */
    public Profile profile(AccountId account, String openid) {
        return profileOf(followers.ofAccount(account, openid));
    }

    /** {@code user/info/batchget}: all or nothing (one unknown openid fails the list). */
    public List<Profile> profiles(AccountId account, List<String> openids) {
        return followers.ofAccount(account, openids).stream().map(this::profileOf).toList();
    }

    /** The person's language as WeChat names it in {@code user/info}. */
    public String languageOf(Follower follower) {
        return "zh-CN".equals(people.languageOf(follower.personId())) ? "zh_CN" : "en";
    }

    private Profile profileOf(Follower follower) {
        if (!follower.subscribed()) {
            return new Profile(follower, null, null, List.of());
        }
        String unionid = follower.unionid() != null ? follower.unionid() : followers.assignUnionid(follower.id());
        return new Profile(follower, languageOf(follower), unionid, followers.tagIdsOf(follower));
    }
}
