package org.oaplatform.menus.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.menus.control.MenuError;
import org.oaplatform.menus.control.MenuJson;
import org.oaplatform.menus.control.MenuMatching;
import org.oaplatform.menus.control.MenuRules;
import org.oaplatform.menus.entity.Button;
import org.oaplatform.menus.entity.MatchRule;
import org.oaplatform.menus.entity.Menu;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;

/**
 * An account's menus as its developer manages them ({@code /cgi-bin/menu/*}, spec §3.1): one default menu and
 * conditional menus, each replaced whole, never edited. Every change of an account's menus first locks the account's
 * {@code menu_account} row, so concurrent changes of one account run one after the other and the checks that span
 * menus (a default menu exists, how many conditional menus, how many domains) hold at commit.
 * <p>
 * The methods taking an account id serve {@code /cgi-bin}, whose caller the access token identified. Those taking a
 * person id and an appid serve the portal: any member of the account reads its menus (others get {@code NOT_FOUND}),
 * owners and admins change them (the menu is the account's public face, like its developer server), under the
 * capability the API would need, and through the same rules.
 */
@Stateless
public class Menus {

    /** WeChat publishes no number; ours, so that matching stays a short walk (docs/menus.md). */
    public static final int MAX_CONDITIONAL_MENUS = 20;

    /** What {@code trymatch} accepts besides an openid: a WeChat ID (the person's handle). */
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{5,19}");

    /** A stored menu with its buttons read. */
    public record Published(Menu menu, List<Button> buttons) {

        static Published of(Menu menu) {
            return new Published(menu, MenuJson.read(menu.buttonsJson()));
        }
    }

    /** An account's menus: the default one (empty when none) and the conditional ones, newest first. */
    public record AccountMenus(Optional<Published> byDefault, List<Published> conditional) {

        /** The menu a follower sees: the newest conditional menu that matches them, else the default one. */
        public Optional<Published> seenBy(MenuMatching.Follower follower) {
            return MenuMatching.firstMatching(conditional, p -> p.menu().rule(), follower).or(() -> byDefault);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Followers followers;

    @Inject
    People people;

    @Inject
    OfficialAccounts accounts;

    /** For the portal: {@link #menus(AccountId)}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccountMenus menus(long personId, String appId) {
        return menus(accounts.requireMember(personId, appId).account().accountId());
    }

    /** For the portal: {@code menu/create} of a {@code button} array, read by the API's own rules. */
    public long create(long personId, String appId, JsonArray buttons) {
        return create(managedAccount(personId, appId, Capability.CUSTOM_MENU), MenuRules.buttons(buttons));
    }

    /** For the portal: {@code menu/delconditional}. */
    public void deleteConditional(long personId, String appId, long menuId) {
        deleteConditional(managedAccount(personId, appId, Capability.PERSONALIZED_MENU), menuId);
    }

    /** For the portal: {@code menu/delete}. */
    public void deleteAll(long personId, String appId) {
        deleteAll(managedAccount(personId, appId, Capability.CUSTOM_MENU));
    }

    /** {@code menu/create}: replaces the default menu (conditional menus stay). */
    public long create(AccountId account, List<Button> buttons) {
        long menuId = nextMenuId(account, lock(account));
        em.createNamedQuery(Menu.DELETE_DEFAULT).setParameter("accountId", account.value()).executeUpdate();
        em.persist(Menu.byDefault(account.value(), menuId, MenuJson.buttons(buttons).toString(), clock.instant()));
        return menuId;
    }

    /** {@code menu/addconditional}. */
    public long addConditional(AccountId account, List<Button> buttons, MatchRule rule) {
        long last = lock(account);
        AccountMenus current = menus(account);
        if (current.byDefault().isEmpty()) {
            throw new BusinessException(MenuError.MENU_DEFAULT_MISSING);
        }
        if (current.conditional().size() >= MAX_CONDITIONAL_MENUS) {
            throw new BusinessException(MenuError.MENU_TOO_MANY_CONDITIONAL,
                    "an account has at most " + MAX_CONDITIONAL_MENUS + " conditional menus");
        }
        Set<String> domains = new TreeSet<>(MenuRules.domains(buttons));
        current.conditional().forEach(p -> domains.addAll(MenuRules.domains(p.buttons())));
        if (domains.size() > MenuRules.MAX_CONDITIONAL_DOMAINS) {
            throw new BusinessException(MenuError.MENU_TOO_MANY_DOMAINS, "conditional menus together would link to "
                    + domains + "; at most " + MenuRules.MAX_CONDITIONAL_DOMAINS + " domains");
        }
        long menuId = nextMenuId(account, last);
        em.persist(Menu.conditional(account.value(), menuId, rule, MenuJson.buttons(buttons).toString(),
                clock.instant()));
        return menuId;
    }

    /** {@code menu/delconditional}. */
    public void deleteConditional(AccountId account, long menuId) {
        lock(account);
        Menu menu = em.createNamedQuery(Menu.CONDITIONAL_BY_MENU_ID, Menu.class)
                .setParameter("accountId", account.value()).setParameter("menuId", menuId).getResultStream()
                .findFirst().orElseThrow(() -> new BusinessException(MenuError.CONDITIONAL_MENU_NOT_FOUND));
        em.remove(menu);
    }

    /** {@code menu/delete}: the default menu and every conditional one. No menu is no error, as at WeChat. */
    public void deleteAll(AccountId account) {
        lock(account);
        em.createNamedQuery(Menu.DELETE_OF_ACCOUNT).setParameter("accountId", account.value()).executeUpdate();
    }

    /** The account's menus as they stand; a read, so outside any transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccountMenus menus(AccountId account) {
        List<Menu> all = em.createNamedQuery(Menu.OF_ACCOUNT, Menu.class).setParameter("accountId", account.value())
                .getResultList();
        return new AccountMenus(all.stream().filter(m -> !m.isConditional()).findFirst().map(Published::of),
                all.stream().filter(Menu::isConditional).map(Published::of).toList());
    }

    /**
     * {@code menu/trymatch}: the menu a follower (by openid or WeChat ID) would see. The API knows no client, so a
     * rule that names a platform never matches here.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Published tryMatch(AccountId account, String userId) {
        Follower follower = followerByUserId(account, userId)
                .orElseThrow(() -> new BusinessException(MenuError.MENU_USER_NOT_FOUND));
        AccountMenus menus = menus(account);
        return menus.seenBy(new MenuMatching.Follower(followers.tagIdsOf(follower), null))
                .orElseThrow(() -> new BusinessException(MenuError.MENU_NOT_FOUND));
    }

    /** The account if the person may change its menus and the account may have them. */
    private AccountId managedAccount(long personId, String appId, Capability capability) {
        OfficialAccount account = accounts.requireRole(personId, appId, MemberRole.OWNER, MemberRole.ADMIN).account();
        accounts.requireCapability(account, capability);
        return account.accountId();
    }

    private Optional<Follower> followerByUserId(AccountId account, String userId) {
        String id = userId == null ? "" : userId.strip();
        if (Ids.matches(Ids.OPENID, id)) {
            return followers.findOfAccount(account, id).filter(Follower::subscribed);
        }
        if (HANDLE.matcher(id).matches()) {
            return people.byHandleOrPhone(id, null).flatMap(p -> followers.following(p.id(), account));
        }
        return Optional.empty();
    }

    /**
     * Locks the account's menus against every other change of them until commit.
     *
     * @return the last menuid handed out to the account (0 before its first menu)
     */
    private long lock(AccountId account) {
        em.createNativeQuery("INSERT INTO menu_account (account_id, last_menu_id) VALUES (?, 0)"
                + " ON DUPLICATE KEY UPDATE last_menu_id = last_menu_id").setParameter(1, account.value())
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT last_menu_id FROM menu_account WHERE account_id = ?"
                + " FOR UPDATE").setParameter(1, account.value()).getSingleResult()).longValue();
    }

    /** The menuid after {@code last}, under the {@link #lock}: menuids only grow, the newest menu has the largest. */
    private long nextMenuId(AccountId account, long last) {
        em.createNativeQuery("UPDATE menu_account SET last_menu_id = ? WHERE account_id = ?")
                .setParameter(1, last + 1).setParameter(2, account.value()).executeUpdate();
        return last + 1;
    }
}
