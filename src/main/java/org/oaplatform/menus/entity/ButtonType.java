package org.oaplatform.menus.entity;

import java.util.Arrays;
import java.util.Optional;

/** The button types a menu may carry through the API (spec §3.3), by their wire names. */
public enum ButtonType {
    CLICK("click", Target.KEY),
    VIEW("view", Target.URL),
    SCANCODE_PUSH("scancode_push", Target.KEY),
    SCANCODE_WAITMSG("scancode_waitmsg", Target.KEY),
    PIC_SYSPHOTO("pic_sysphoto", Target.KEY),
    PIC_PHOTO_OR_ALBUM("pic_photo_or_album", Target.KEY),
    PIC_WEIXIN("pic_weixin", Target.KEY),
    LOCATION_SELECT("location_select", Target.KEY),
    MEDIA_ID("media_id", Target.MEDIA),
    VIEW_LIMITED("view_limited", Target.MEDIA),
    ARTICLE_ID("article_id", Target.ARTICLE),
    ARTICLE_VIEW_LIMITED("article_view_limited", Target.ARTICLE),
    MINIPROGRAM("miniprogram", Target.MINIPROGRAM);

    /** What a button of the type points at, and so which fields it needs. */
    public enum Target {
        /** {@code key}: the follower's client reports the use and the account hears an event. */
        KEY,
        /** {@code url}: the client opens it. */
        URL,
        /** {@code media_id} of a permanent material. */
        MEDIA,
        /** {@code article_id} of a published article. */
        ARTICLE,
        /** {@code appid}, {@code pagepath} and {@code url} as the fallback of old clients. */
        MINIPROGRAM
    }

    private final String wireName;
    private final Target target;

    ButtonType(String wireName, Target target) {
        this.wireName = wireName;
        this.target = target;
    }

    public String wireName() {
        return wireName;
    }

    public Target target() {
        return target;
    }

    public static Optional<ButtonType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
