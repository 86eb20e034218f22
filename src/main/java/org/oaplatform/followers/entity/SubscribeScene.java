package org.oaplatform.followers.entity;

/** How a person came to follow, as {@code user/info} reports it in {@code subscribe_scene} (spec §7.1). */
public enum SubscribeScene {
    ADD_SCENE_SEARCH,
    ADD_SCENE_ACCOUNT_MIGRATION,
    ADD_SCENE_PROFILE_CARD,
    ADD_SCENE_QR_CODE,
    ADD_SCENE_PROFILE_LINK,
    ADD_SCENE_PROFILE_ITEM,
    ADD_SCENE_PAID,
    ADD_SCENE_WECHAT_ADVERTISEMENT,
    ADD_SCENE_OTHERS
}
