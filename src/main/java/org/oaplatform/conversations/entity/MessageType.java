package org.oaplatform.conversations.entity;

import java.util.Locale;

/**
 * The kinds of message a conversation holds, named as WeChat's MsgType. Followers write text, location and link;
 * accounts also answer with music and news. Image, voice and video arrive with the media component.
 */
public enum MessageType {
    TEXT, LOCATION, LINK, MUSIC, NEWS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
