package org.oaplatform.followers.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.officialaccounts.entity.AccountId;

/**
 * What {@code user/info} tells of a follower (spec §7.1): the follower, their language, their unionid towards the
 * account's owner (made when they followed) and their tags. Its own bean: it reads across components (people,
 * account owners) and is the hot path the next performance lever works on (docs/performance.md).
 */
@Stateless
public class FollowerProfiles {

    @Inject
    People people;

    @Inject
    Followers followers;

    /** What {@code user/info} tells of a follower. */
    public record Profile(Follower follower, String language, String unionid, List<Integer> tagIds) {
    }

    /**
     * {@code user/info}, in one transaction of three reads: the follower (with the unionid it carries), their
     * language and their tags.
     */
    public Profile profile(AccountId account, String openid) {
        return profileOf(followers.ofAccount(account, openid));
    }

    /** {@code user/info/batchget}: all or nothing, one transaction. */
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
        if (follower.unionid() == null) { // followed before the row carried it, and not in the migration's reach
            follower.unionid(followers.unionidOf(follower));
        }
        return new Profile(follower, languageOf(follower), follower.unionid(), followers.tagIdsOf(follower));
    }
}
