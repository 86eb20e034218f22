package org.oaplatform.menus.entity;

/**
 * Whom a conditional menu is for: followers carrying a tag, on a client platform, or both (null: any). WeChat no
 * longer honours sex, region or language (spec §3.4), so a rule has nothing else.
 */
public record MatchRule(Integer tagId, ClientPlatform platform) {
}
