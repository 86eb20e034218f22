package org.oaplatform.menus.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A published menu of an account: the default one, or a conditional one with its {@link MatchRule}. There is no
 * editing (WeChat has no edit API): a change publishes a new menu with a new {@link #menuId()}. The buttons are kept
 * as the JSON document the API answers, written and read by {@code menus.control}.
 */
@Entity
@Table(name = "menu")
@NamedQueries({
    @NamedQuery(name = Menu.OF_ACCOUNT,
            query = "SELECT m FROM Menu m WHERE m.accountId = :accountId ORDER BY m.menuId DESC"),
    @NamedQuery(name = Menu.CONDITIONAL_BY_MENU_ID, query = "SELECT m FROM Menu m WHERE m.accountId = :accountId"
            + " AND m.menuId = :menuId AND m.conditional = TRUE"),
    @NamedQuery(name = Menu.DELETE_OF_ACCOUNT, query = "DELETE FROM Menu m WHERE m.accountId = :accountId"),
    @NamedQuery(name = Menu.DELETE_DEFAULT, query = "DELETE FROM Menu m WHERE m.accountId = :accountId"
            + " AND m.conditional = FALSE")
})
public class Menu {

    /** The account's menus, newest first. */
    public static final String OF_ACCOUNT = "Menu.ofAccount";
    public static final String CONDITIONAL_BY_MENU_ID = "Menu.conditionalByMenuId";
    public static final String DELETE_OF_ACCOUNT = "Menu.deleteOfAccount";
    public static final String DELETE_DEFAULT = "Menu.deleteDefault";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "menu_id", nullable = false)
    private long menuId;

    @Column(name = "conditional_menu", nullable = false)
    private boolean conditional;

    @Column(name = "tag_id")
    private Integer tagId;

    @Column(name = "client_platform_type")
    private Integer clientPlatformType;

    @Column(nullable = false)
    private String buttons;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Menu() {
    }

    private Menu(long accountId, long menuId, MatchRule rule, String buttons, Instant createdAt) {
        this.accountId = accountId;
        this.menuId = menuId;
        this.conditional = rule != null;
        if (rule != null) {
            this.tagId = rule.tagId();
            this.clientPlatformType = rule.platform() == null ? null : rule.platform().wireValue();
        }
        this.buttons = buttons;
        this.createdAt = createdAt;
    }

    public static Menu byDefault(long accountId, long menuId, String buttons, Instant createdAt) {
        return new Menu(accountId, menuId, null, buttons, createdAt);
    }

    public static Menu conditional(long accountId, long menuId, MatchRule rule, String buttons, Instant createdAt) {
        return new Menu(accountId, menuId, rule, buttons, createdAt);
    }

    public long menuId() {
        return menuId;
    }

    public boolean isConditional() {
        return conditional;
    }

    /** The rule of a conditional menu; null for the default menu. */
    public MatchRule rule() {
        if (!conditional) {
            return null;
        }
        return new MatchRule(tagId, clientPlatformType == null ? null
                : ClientPlatform.byWireValue(clientPlatformType).orElseThrow());
    }

    /** The buttons as stored: a JSON array in the shape of {@code menu/create}. */
    public String buttonsJson() {
        return buttons;
    }
}
