package org.oaplatform.menus.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.menus.control.MenuError;
import org.oaplatform.menus.control.MenuMatching;
import org.oaplatform.menus.entity.Button;
import org.oaplatform.menus.entity.ClientPlatform;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * The menu as a follower sees it and uses it (client API). Only followers see a menu. The account must still have
 * the capability (spec §12.2): a default menu needs {@code CUSTOM_MENU}, conditional menus {@code PERSONALIZED_MENU};
 * an account that lost it (a verification lapsed) shows what it may, as WeChat stops serving what it no longer
 * allows. Matching is {@link Menus.AccountMenus#seenBy}, the same as {@code trymatch}'s.
 */
@Stateless
public class FollowerMenus {

    /** The menu a follower sees (empty: none), the follower, and their account. */
    public record Seen(OfficialAccount account, Follower follower, Optional<Menus.Published> menu) {
    }

    /** A button used: the menu it was on and the button. */
    public record Used(Menus.Published menu, Button button) {
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    Followers followers;

    @Inject
    Menus menus;

    @Inject
    Clock clock;

    @Inject
    Event<MenuButtonUsed> used;

    /**
     * A read, so outside any transaction of its own.
     *
     * @param platform the follower's client as it says itself; null when it does not
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Seen menuOf(long personId, String appId, ClientPlatform platform) {
        OfficialAccount account = accounts.findByAppId(appId)
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such official account"));
        Follower follower = followers.following(personId, account.accountId())
                .orElseThrow(() -> new BusinessException(MenuError.MENU_NOT_A_FOLLOWER));
        Instant now = clock.instant();
        if (!account.allows(Capability.CUSTOM_MENU, now)) {
            return new Seen(account, follower, Optional.empty());
        }
        Menus.AccountMenus all = menus.menus(account.accountId());
        if (!account.allows(Capability.PERSONALIZED_MENU, now)) {
            all = new Menus.AccountMenus(all.byDefault(), List.of());
        }
        return new Seen(account, follower,
                all.seenBy(new MenuMatching.Follower(followers.tagIdsOf(follower), platform)));
    }

    /**
     * A follower used a button of the menu they see: checked against that menu, with what the button gathered, and
     * announced as {@link MenuButtonUsed}.
     */
    public Used use(long personId, String appId, ClientPlatform platform, MenuClick click) {
        Seen seen = menuOf(personId, appId, platform);
        Menus.Published menu = seen.menu()
                .orElseThrow(() -> new BusinessException(MenuError.MENU_BUTTON_UNKNOWN, "this account shows you no menu"));
        Button button = click.buttonIn(menu.buttons());
        MenuButtonUsed event = new MenuButtonUsed(seen.account().id(), seen.account().appId(), personId,
                seen.follower().openid(), menu.menu().isConditional() ? menu.menu().menuId() : null, button.type(),
                button.key(), button.url(), button.pagePath(), click.scanCode(button.type()),
                click.pictureMd5Sums(button.type()), click.location(button.type()), clock.instant());
        if (!seen.follower().blacklisted()) {
            used.fire(event);
        }
        return new Used(menu, button);
    }
}
