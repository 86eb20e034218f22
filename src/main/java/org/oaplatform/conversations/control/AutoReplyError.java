package org.oaplatform.conversations.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of auto-reply rules, which only the client API manages (WeChat's own rules live in its console): 40097
 * "invalid args" stands in for an errcode that no {@code /cgi-bin} caller sees.
 */
public enum AutoReplyError implements ErrorCode {
    AUTO_REPLY_INVALID(40097, "auto-reply-invalid", 400, "the auto-reply rule is not valid"),
    AUTO_REPLY_NOT_FOUND(40097, "auto-reply-not-found", 404, "no such auto-reply rule"),
    AUTO_REPLY_EXISTS(40097, "auto-reply-exists", 409, "the account has such a rule already"),
    AUTO_REPLY_LIMIT_REACHED(40097, "auto-reply-limit-reached", 409, "the account has as many rules as it may");

    private final Wire wire;

    AutoReplyError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
