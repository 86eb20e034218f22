package org.oaplatform.conversations.entity;

/** How a message came about; the service window and auto-replies add theirs. */
public enum MessageSource {
    /** The follower wrote it. */
    FOLLOWER,
    /** A developer server answered a push with it. */
    PASSIVE_REPLY,
    /** The account sent it through {@code message/custom/send}, inside the service window. */
    CUSTOM_MESSAGE,
    /** The account sent a template message ({@code message/template/send}). */
    TEMPLATE_MESSAGE,
    /** The account's auto-reply rules answered (no developer server). */
    AUTO_REPLY,
    /** A member of the account wrote it in the inbox (portal or client API), inside the service window. */
    OPERATOR
}
