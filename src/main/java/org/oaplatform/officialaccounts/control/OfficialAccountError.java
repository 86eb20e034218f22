package org.oaplatform.officialaccounts.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of official accounts: appids, the capability policy (WeChat's 48001), names, eligibility,
 * membership and verification documents.
 */
public enum OfficialAccountError implements ErrorCode {
    INVALID_APPID(40013, "invalid-appid", 400, "invalid appid"),
    API_UNAUTHORIZED(48001, "api-unauthorized", 403, "api unauthorized"),
    ACCOUNT_NAME_TAKEN(40097, "account-name-taken", 409, "an official account with this name exists"),
    NOT_ELIGIBLE(40097, "not-eligible", 422, "this account cannot do that"),
    ALREADY_MEMBER(40097, "already-member", 409, "this person is already a member of the account"),
    DOCUMENT_REJECTED(40097, "document-rejected", 400, "the document is not acceptable");

    private final Wire wire;

    OfficialAccountError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
