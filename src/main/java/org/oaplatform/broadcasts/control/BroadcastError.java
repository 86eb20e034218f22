package org.oaplatform.broadcasts.control;

import org.oaplatform.platform.control.ErrorCode;

/** Errors of mass messages (spec §6.1, §6.2): WeChat's codes; where it names none, 40097 "invalid args". */
public enum BroadcastError implements ErrorCode {
    NO_BROADCAST_QUOTA(45028, "no-broadcast-quota", 429, "has no masssend quota"),
    CLIENT_MSG_ID_USED(45065, "client-msg-id-used", 409, "clientmsgid exist"),
    CLIENT_MSG_ID_RETRIED(45066, "client-msg-id-retried", 409, "same clientmsgid retry too fast"),
    CLIENT_MSG_ID_TOO_LONG(45067, "client-msg-id-too-long", 400, "clientmsgid size out of limit"),
    SPEED_OUT_OF_RANGE(45083, "speed-out-of-range", 400, "the speed out of range"),
    SPEED_MISSING(45084, "speed-missing", 400, "No speed message"),
    BROADCAST_TYPE_NOT_SUPPORTED(40008, "message-type-not-supported", 400, "invalid message type"),
    EMPTY_BROADCAST_TEXT(44004, "empty-text", 400, "empty content"),
    BROADCAST_TEXT_TOO_LONG(45002, "broadcast-text-too-long", 400, "content size out of limit"),
    NO_FILTER(40097, "broadcast-target-missing", 400, "invalid args"),
    UNKNOWN_BROADCAST(40097, "unknown-broadcast", 404, "invalid msg_id"),
    NOT_DELETABLE(40097, "broadcast-not-deletable", 409, "invalid args"),
    // the operators' own steps (portal and client API), which the developer API does not reach
    BROADCAST_NOT_PENDING(40097, "broadcast-not-pending", 409, "the broadcast has started or ended"),
    APPROVER_IS_COMPOSER(40097, "approver-is-composer", 403, "a broadcast is approved by another member"),
    SEND_AT_OUT_OF_RANGE(40097, "send-at-out-of-range", 400, "sendAt is in the future, at most 30 days ahead");

    private final Wire wire;

    BroadcastError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
