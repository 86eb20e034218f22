package org.oaplatform.conversations.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of the service window and customer-service messages (spec §4.1-§4.3). 45015, 45047 and 45008 are the spec's;
 * the spec names no code for typing out of turn, so the two typing codes are those of WeChat's typing page.
 */
public enum WindowError implements ErrorCode {
    RESPONSE_OUT_OF_TIME(45015, "service-window-closed", 403, "response out of time limit"),
    RESPONSE_COUNT_LIMIT(45047, "service-window-spent", 403, "out of response count limit"),
    TOO_MANY_ARTICLES(45008, "too-many-articles", 400, "article size out of limit"),
    TYPING_WITHOUT_EXCHANGE(45080, "typing-without-exchange", 403,
            "typing needs a message exchanged with the user within the last 30 seconds"),
    ALREADY_TYPING(45081, "already-typing", 409, "already typing");

    private final Wire wire;

    WindowError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
