package org.oaplatform.conversations.entity;

/** Who wrote a message: the follower to the account, or the account to the follower. */
public enum Direction {
    IN, OUT
}
