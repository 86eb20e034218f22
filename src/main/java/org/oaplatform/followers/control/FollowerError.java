package org.oaplatform.followers.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of the followers component: openids, tags (WeChat's own codes) and parametric QR codes, for
 * which WeChat publishes no errcodes of its own (40097 "invalid args").
 */
public enum FollowerError implements ErrorCode {
    INVALID_OPENID(40003, "invalid-openid", 400, "invalid openid"),
    INVALID_OPENID_LIST_SIZE(40032, "invalid-openid-list-size", 400, "invalid openid list size"),
    NOT_FOLLOWING(43004, "not-following", 409, "require subscribe"),
    BLACKLISTED(43019, "blacklisted", 409, "require remove blacklist"),
    TOO_MANY_TAGS(45056, "too-many-tags", 409, "too many tags now, no need to add new"),
    TAG_TOO_BIG_TO_DELETE(45057, "tag-too-big-to-delete", 409, "can't delete the tag that has too many fans"),
    SYSTEM_TAG(45058, "system-tag", 409, "can't modify the system tag"),
    TOO_MANY_TAGS_ON_FOLLOWER(45059, "too-many-tags-on-follower", 409, "too many tag on user"),
    TAG_NAME_TAKEN(45157, "tag-name-taken", 409, "invalid tag name"),
    TAG_NAME_TOO_LONG(45158, "tag-name-too-long", 400, "tag name too long"),
    INVALID_TAG_ID(45159, "invalid-tag-id", 400, "invalid tag id"),
    QR_CODE_UNKNOWN(40097, "qr-code-unknown", 404, "no such QR code"),
    QR_CODE_EXPIRED(40097, "qr-code-expired", 410, "this QR code has expired"),
    QR_CODE_LIMIT_REACHED(40097, "qr-code-limit-reached", 409, "the account has the most permanent QR codes allowed");

    private final Wire wire;

    FollowerError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
