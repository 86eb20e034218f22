package org.oaplatform.conversations.entity;

import java.util.Locale;

/**
 * The kinds of message a conversation holds, named as WeChat's MsgType. Followers write text, image, voice, video,
 * location and link (a media message's content names its media id); accounts also answer with music and news, and
 * send customer-service msgmenu and mpnews; TEMPLATE is a template message as the follower sees it (its title and
 * rendered text).
 */
public enum MessageType {
    TEXT, IMAGE, VOICE, VIDEO, LOCATION, LINK, MUSIC, NEWS, MSGMENU, MPNEWS, TEMPLATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
