package org.oaplatform.conversations.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of conversations. The errcodes are WeChat's nearest ones (43004: the user is not a follower; 40008: an
 * invalid message type) for the day these rules are reached from {@code /cgi-bin}; the client API shows the problem
 * types.
 */
public enum ConversationError implements ErrorCode {
    NOT_A_FOLLOWER(43004, "not-a-follower", 403, "only followers of the account can write to it"),
    MESSAGE_TYPE_NOT_SUPPORTED(40008, "message-type-not-supported", 400,
            "this kind of message cannot be sent here yet"),
    INVALID_MESSAGE(40097, "invalid-message", 400, "the message is not valid");

    private final Wire wire;

    ConversationError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
