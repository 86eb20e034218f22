package org.oaplatform.menus.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of custom menus: WeChat's own codes for menus (spec §3.2, messages as WeChat words them) where it has one,
 * 40097 "invalid args" where it has none, and the follower side's. Which rule answers which code:
 * {@code docs/menus.md}.
 */
public enum MenuError implements ErrorCode {
    MENU_MALFORMED(40015, "menu-malformed", 400, "invalid menu type"),
    MENU_BUTTON_COUNT(40016, "menu-button-count", 400, "invalid button size"),
    MENU_BUTTON_TYPE(40017, "menu-button-type", 400, "invalid button type"),
    MENU_BUTTON_NAME(40018, "menu-button-name", 400, "invalid button name size"),
    MENU_BUTTON_KEY(40019, "menu-button-key", 400, "invalid button key size"),
    MENU_BUTTON_URL(40020, "menu-button-url", 400, "invalid button url size"),
    MENU_SUB_BUTTON_LEVEL(40022, "menu-sub-button-level", 400, "invalid sub button level"),
    MENU_SUB_BUTTON_COUNT(40023, "menu-sub-button-count", 400, "invalid sub button size"),
    MENU_SUB_BUTTON_TYPE(40024, "menu-sub-button-type", 400, "invalid sub button type"),
    MENU_SUB_BUTTON_NAME(40025, "menu-sub-button-name", 400, "invalid sub button name size"),
    MENU_SUB_BUTTON_KEY(40026, "menu-sub-button-key", 400, "invalid sub button key size"),
    MENU_SUB_BUTTON_URL(40027, "menu-sub-button-url", 400, "invalid sub button url size"),
    MENU_BUTTON_MEDIA_ID(40007, "menu-button-media-id", 400, "invalid media_id"),
    MENU_BUTTON_ARTICLE_ID(40097, "menu-button-article-id", 400, "invalid args: article_id"),
    MENU_BUTTON_MINIPROGRAM_APPID(40013, "menu-button-miniprogram-appid", 400, "invalid appid"),
    MENU_BUTTON_PAGEPATH(40097, "menu-button-pagepath", 400, "invalid args: pagepath"),
    MENU_BUTTON_WITHOUT_TYPE(65308, "menu-button-without-type", 400, "button type is empty"),
    MENU_URL_INVALID(65317, "menu-url-invalid", 400, "invalid url"),
    MENU_NOT_FOUND(46003, "menu-not-found", 404, "menu no exist"),
    CONDITIONAL_MENU_NOT_FOUND(65301, "conditional-menu-not-found", 404, "menuid not exist"),
    MENU_USER_NOT_FOUND(65302, "menu-user-not-found", 404, "user not exist"),
    MENU_DEFAULT_MISSING(65303, "menu-default-missing", 409, "there is no default menu, please create one first"),
    MENU_MATCHRULE_EMPTY(65304, "menu-matchrule-empty", 400, "match rule empty"),
    MENU_TOO_MANY_CONDITIONAL(65305, "menu-too-many-conditional", 409, "conditional menu count limit"),
    MENU_TOO_MANY_DOMAINS(65316, "menu-too-many-domains", 409, "too many domains in conditional menu urls"),
    MENU_MATCHRULE_PRIVACY(65320, "menu-matchrule-privacy", 400,
            "matchrule sex, country, province, city and language are no longer supported"),
    MENU_NOT_A_FOLLOWER(43004, "menu-not-a-follower", 403, "require subscribe: only followers see the account's menu"),
    MENU_BUTTON_UNKNOWN(40097, "menu-button-unknown", 404, "no such button in the menu you see");

    private final Wire wire;

    MenuError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
