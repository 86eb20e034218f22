package org.oaplatform.portal.accounts;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.followers.entity.Tag;
import org.oaplatform.menus.boundary.Menus;
import org.oaplatform.menus.control.MenuRules;
import org.oaplatform.menus.entity.Button;
import org.oaplatform.menus.entity.ButtonType;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.entity.Membership;
import org.oaplatform.portal.PortalMessages;
import org.oaplatform.portal.PortalUser;

/**
 * {@code portal/accounts/menus.xhtml?appid=...}: the menus editor. The default menu as a tree of at most three buttons
 * with at most five sub-buttons each (add, remove, move, every button type with its fields), a phone-shaped preview
 * of what is being edited, the conditional menus (their rules; delete), and deleting all menus. Saving goes through
 * {@code Menus.create}, which reads the editor's tree with the rules of {@code menu/create}: its refusals (WeChat's
 * rule, translated) show as messages. Owners and admins change menus; operators see them.
 */
@Named
@ViewScoped
public class MenusBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A conditional menu as the table shows it: the tag's name when it still exists, the platform, the buttons. */
    public record ConditionalRow(long menuId, Integer tagId, String tagName, String platform, String buttons)
            implements Serializable {
    }

    @Inject
    OfficialAccounts accounts;

    @Inject
    Menus menus;

    @Inject
    Tags tags;

    @Inject
    PortalUser user;

    @Inject
    Instance<Clock> clock;

    private String appid;
    private String accountName;
    private boolean mayManage;
    private boolean available;
    private Long publishedMenuId;
    private final List<MenuNode> buttons = new ArrayList<>();
    private List<ConditionalRow> conditional = List.of();

    public void load() {
        if (appid == null || appid.isBlank()) {
            PortalMessages.error("account.appid.required");
            return;
        }
        Membership membership = accounts.requireMember(user.id(), appid);
        accountName = membership.account().name();
        mayManage = membership.role().mayManage();
        available = membership.account().admission().allows(Capability.CUSTOM_MENU, clock.get().instant());
        if (available) {
            show();
        }
    }

    public void addButton() {
        if (buttons.size() < MenuRules.MAX_BUTTONS) {
            buttons.add(new MenuNode(PortalMessages.text("menus.button.new")));
        }
    }

    /** A first sub-button turns a button into a parent: its own type and fields no longer count. */
    public void addSubButton(MenuNode parent) {
        if (parent.getChildren().size() < MenuRules.MAX_SUB_BUTTONS) {
            parent.getChildren().add(new MenuNode(PortalMessages.text("menus.subButton.new")));
        }
    }

    public void remove(MenuNode node) {
        if (!buttons.remove(node)) {
            buttons.forEach(b -> b.getChildren().remove(node));
        }
    }

    public void moveUp(MenuNode node) {
        move(node, -1);
    }

    public void moveDown(MenuNode node) {
        move(node, 1);
    }

    private void move(MenuNode node, int by) {
        List<MenuNode> siblings = buttons.contains(node) ? buttons
                : buttons.stream().map(MenuNode::getChildren).filter(c -> c.contains(node)).findFirst()
                        .orElse(List.of());
        int from = siblings.indexOf(node);
        int to = from + by;
        if (from >= 0 && to >= 0 && to < siblings.size()) {
            Collections.swap(siblings, from, to);
        }
    }

    public void save() {
        long menuId = menus.create(user.id(), appid, MenuNode.toJson(buttons));
        PortalMessages.info("menus.saved", menuId);
        show();
    }

    /** Forgets the edits: the editor shows the published menu again. */
    public void revert() {
        show();
    }

    public void deleteConditional(ConditionalRow row) {
        menus.deleteConditional(user.id(), appid, row.menuId());
        PortalMessages.info("menus.conditional.deleted", row.menuId());
        showConditional(menus.menus(user.id(), appid));
    }

    public void deleteAll() {
        menus.deleteAll(user.id(), appid);
        PortalMessages.info("menus.deleted");
        show();
    }

    private void show() {
        Menus.AccountMenus current = menus.menus(user.id(), appid);
        buttons.clear();
        current.byDefault().ifPresent(p -> p.buttons().forEach(b -> buttons.add(MenuNode.of(b))));
        publishedMenuId = current.byDefault().map(p -> p.menu().menuId()).orElse(null);
        showConditional(current);
    }

    /** The conditional menus alone: deleting one keeps the edits of the default menu. */
    private void showConditional(Menus.AccountMenus current) {
        Map<Integer, String> tagNames = current.conditional().isEmpty() ? Map.of()
                : tags.definitions(user.id(), appid).stream().collect(Collectors.toMap(Tag::tagId, Tag::name));
        conditional = current.conditional().stream().map(p -> new ConditionalRow(p.menu().menuId(),
                p.menu().rule().tagId(), tagNames.get(p.menu().rule().tagId()),
                p.menu().rule().platform() == null ? null : p.menu().rule().platform().name(),
                p.buttons().stream().flatMap(Button::withSubButtons).map(Button::name)
                        .collect(Collectors.joining(" · ")))).toList();
    }

    public boolean isLoaded() {
        return accountName != null;
    }

    public String getAccountName() {
        return accountName;
    }

    public boolean isMayManage() {
        return mayManage;
    }

    public boolean isAvailable() {
        return available;
    }

    public boolean isPublished() {
        return publishedMenuId != null;
    }

    public Long getPublishedMenuId() {
        return publishedMenuId;
    }

    public List<MenuNode> getButtons() {
        return buttons;
    }

    public boolean isMayAddButton() {
        return buttons.size() < MenuRules.MAX_BUTTONS;
    }

    public int getMaxSubButtons() {
        return MenuRules.MAX_SUB_BUTTONS;
    }

    public List<ConditionalRow> getConditional() {
        return conditional;
    }

    public ButtonType[] getTypes() {
        return ButtonType.values();
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }
}
