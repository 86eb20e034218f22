package org.oaplatform.accounts.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of personal accounts: phones, SMS codes, logins, handles. They never appear on {@code /cgi-bin},
 * so their errcode is 40097 "invalid args" throughout.
 */
public enum AccountError implements ErrorCode {
    INVALID_PHONE(40097, "invalid-phone", 400, "invalid phone number"),
    INVALID_VERIFICATION_CODE(40097, "invalid-verification-code", 400, "the verification code is wrong or expired"),
    CODE_REQUESTED_TOO_SOON(45011, "code-requested-too-soon", 429, "wait before requesting another code"),
    CODE_LIMIT_REACHED(45009, "code-limit-reached", 429, "too many codes requested"),
    INVALID_LOGIN(40097, "invalid-login", 401, "wrong phone number or password"),
    TOO_MANY_FAILED_LOGINS(45011, "too-many-failed-logins", 429, "too many failed logins, try again later"),
    PHONE_TAKEN(40097, "phone-taken", 409, "this phone number cannot be registered"),
    HANDLE_TAKEN(40097, "handle-taken", 409, "this WeChat ID is taken"),
    HANDLE_ALREADY_CHANGED(40097, "handle-already-changed", 409, "the WeChat ID can be changed only once");

    private final Wire wire;

    AccountError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
