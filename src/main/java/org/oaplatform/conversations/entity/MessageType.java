package org.oaplatform.conversations.entity;

import java.util.Locale;

/**
 * The kinds of message a conversation holds, named as WeChat's MsgType. Followers write text, image, voice, video,
 * location and link; accounts also answer with music and news. A media message's content names its media id.
 */
public enum MessageType {
    TEXT, IMAGE, VOICE, VIDEO, LOCATION, LINK, MUSIC, NEWS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
