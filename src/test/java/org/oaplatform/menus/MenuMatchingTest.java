package org.oaplatform.menus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oaplatform.menus.control.MenuMatching;
import org.oaplatform.menus.entity.ClientPlatform;
import org.oaplatform.menus.entity.MatchRule;

/** Which conditional menu a follower sees: the newest whose every condition holds (spec §3.2, §3.4). */
class MenuMatchingTest {

    private record Candidate(String name, MatchRule rule) {
    }

    private static final Candidate IOS_VIP = new Candidate("ios-vip", new MatchRule(100, ClientPlatform.IOS));
    private static final Candidate VIP = new Candidate("vip", new MatchRule(100, null));
    private static final Candidate ANDROID = new Candidate("android", new MatchRule(null, ClientPlatform.ANDROID));
    private static final Candidate STARRED = new Candidate("starred", new MatchRule(2, null));

    /** Newest first. */
    private static final List<Candidate> MENUS = List.of(IOS_VIP, VIP, ANDROID, STARRED);

    private static Optional<String> seen(Set<Integer> tags, ClientPlatform platform) {
        return MenuMatching.firstMatching(MENUS, Candidate::rule, new MenuMatching.Follower(tags, platform))
                .map(Candidate::name);
    }

    @Test
    void newestMatchingMenuWins() {
        assertEquals(Optional.of("ios-vip"), seen(Set.of(100, 2), ClientPlatform.IOS));
        assertEquals(Optional.of("vip"), seen(Set.of(100, 2), ClientPlatform.ANDROID));
        assertEquals(Optional.of("android"), seen(Set.of(2), ClientPlatform.ANDROID));
        assertEquals(Optional.of("starred"), seen(Set.of(2), ClientPlatform.OTHER));
    }

    @Test
    void everyConditionMustHold() {
        assertEquals(Optional.empty(), seen(Set.of(101), ClientPlatform.IOS), "no tag of any rule, no android");
        assertEquals(Optional.of("vip"), seen(Set.of(100), null), "an unknown platform matches no platform rule");
        assertEquals(Optional.empty(), seen(Set.of(), null), "nothing known: the default menu");
    }
}
