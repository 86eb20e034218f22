package org.oaplatform.wechatapi.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of WeChat's own developer API: credentials, access tokens, the IP whitelist and the daily
 * quotas. Codes and messages are WeChat's.
 */
public enum WeChatApiError implements ErrorCode {
    INVALID_CREDENTIAL(40001, "invalid-credential", 401, "invalid credential, access_token is invalid or not latest"),
    INVALID_GRANT_TYPE(40002, "invalid-grant-type", 400, "invalid grant_type"),
    INVALID_ACCESS_TOKEN(40014, "invalid-access-token", 401, "invalid access_token"),
    INVALID_APPSECRET(40125, "invalid-appsecret", 401, "invalid appsecret"),
    IP_NOT_WHITELISTED(40164, "ip-not-whitelisted", 403, "invalid ip, not in whitelist"),
    ACCESS_TOKEN_MISSING(41001, "access-token-missing", 401, "access_token missing"),
    APPID_MISSING(41002, "appid-missing", 400, "appid missing"),
    SECRET_MISSING(41004, "secret-missing", 400, "appsecret missing"),
    ACCESS_TOKEN_EXPIRED(42001, "access-token-expired", 401, "access_token expired"),
    DAILY_QUOTA_EXCEEDED(45009, "daily-quota-exceeded", 429, "reach max api daily quota limit"),
    TOO_FREQUENT(45011, "too-frequent", 429, "api minute-quota reach limit, must slower, retry next minute");

    private final Wire wire;

    WeChatApiError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
