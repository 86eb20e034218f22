package org.oaplatform.menus.control;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.oaplatform.menus.entity.ClientPlatform;
import org.oaplatform.menus.entity.MatchRule;

/**
 * Which menu a follower sees (spec §3.2, §3.4): the newest conditional menu whose rule matches them, else the default
 * menu. A rule matches when each of its conditions holds: the follower carries the rule's tag, and their client is
 * the rule's platform. A follower whose platform is not known matches no rule that names one. Used by
 * {@code trymatch} and by the follower's own menu alike.
 */
public final class MenuMatching {

    /** What is known of a follower for matching: the WeChat ids of their tags, and their client (null: unknown). */
    public record Follower(Collection<Integer> tagIds, ClientPlatform platform) {
    }

    private MenuMatching() {
    }

    public static boolean matches(MatchRule rule, Follower follower) {
        boolean tag = rule.tagId() == null || follower.tagIds().contains(rule.tagId());
        boolean platform = rule.platform() == null || rule.platform() == follower.platform();
        return tag && platform;
    }

    /**
     * The first of {@code newestFirst} (conditional menus, newest first, each with its rule) that matches.
     *
     * @param rule how to get a candidate's rule
     */
    public static <M> Optional<M> firstMatching(List<M> newestFirst, Function<M, MatchRule> rule,
            Follower follower) {
        return newestFirst.stream().filter(m -> matches(rule.apply(m), follower)).findFirst();
    }
}
