/**
 * Custom menus (spec §3): an account's default menu and its conditional menus, as the developer sets them through
 * {@code /cgi-bin/menu/*} and {@code get_current_selfmenu_info}, and as a follower sees and uses them through the
 * client API ({@code /api/v1/conversations/{appid}/menu}, {@code .../menu-clicks}).
 * <p>
 * Rules: {@code menus.control.MenuRules} is the one reader of menu JSON and answers WeChat's errcode for each broken
 * rule; menus are replaced whole, never edited, and every change of one account's menus runs under a lock of that
 * account ({@code menu_account}); which menu a follower sees is decided in one place ({@code MenuMatching}, through
 * {@code Menus.AccountMenus.seenBy}) for {@code trymatch} and the follower alike. A button used is announced as
 * {@link org.oaplatform.menus.boundary.MenuButtonUsed} inside the transaction; pushing it to the developer and opening
 * the service window belong to the components that observe it (webhooks, conversations). Decisions: docs/menus.md.
 */
package org.oaplatform.menus;
