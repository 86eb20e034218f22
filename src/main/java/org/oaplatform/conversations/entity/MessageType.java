package org.oaplatform.conversations.entity;

import java.util.Locale;

/**
 * The kinds of message a conversation holds, named as WeChat's MsgType. Followers write text, location and link;
 * accounts also answer with music and news. Image, voice and video arrive with the media component. Customer-service
 * messages add the account's image, voice, video, msgmenu and mpnews; TEMPLATE is a template message as the follower
 * sees it (its title and rendered text).
 */
public enum MessageType {
    TEXT, LOCATION, LINK, MUSIC, NEWS, IMAGE, VOICE, VIDEO, MSGMENU, MPNEWS, TEMPLATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
