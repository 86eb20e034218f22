package org.oaplatform.broadcasts.entity;

/** Who a broadcast goes to: every follower, a tag's, an openid list's (mass/send), or one (preview). */
public enum BroadcastTarget {
    ALL, TAG, LIST, PREVIEW
}
