package org.oaplatform.platform.control;

/**
 * Every error a client can see, with its WeChat {@code errcode} (for {@code /cgi-bin}), its problem type slug and
 * HTTP status (for {@code /api/v1}). One table, so that the two surfaces never disagree about what went wrong.
 */
public enum ErrorCode {
    SYSTEM_BUSY(-1, "system-error", 500, "system error"),

    // request shape
    MALFORMED_REQUEST(47001, "malformed-request", 400, "data format error"),
    VALIDATION_FAILED(40097, "validation-failed", 400, "invalid args"),
    REQUEST_TOO_LARGE(45002, "request-too-large", 413, "content size out of limit"),
    UNSUPPORTED_MEDIA_TYPE(47001, "unsupported-media-type", 415, "data format error"),
    NOT_FOUND(40066, "not-found", 404, "invalid url"),
    METHOD_NOT_ALLOWED(43002, "method-not-allowed", 405, "require POST method"),
    REQUIRE_GET(43001, "method-not-allowed", 405, "require GET method"),
    REQUIRE_POST(43002, "method-not-allowed", 405, "require POST method"),

    // WeChat credentials and access tokens
    INVALID_CREDENTIAL(40001, "invalid-credential", 401, "invalid credential, access_token is invalid or not latest"),
    INVALID_GRANT_TYPE(40002, "invalid-grant-type", 400, "invalid grant_type"),
    INVALID_OPENID(40003, "invalid-openid", 400, "invalid openid"),
    INVALID_OPENID_LIST_SIZE(40032, "invalid-openid-list-size", 400, "invalid openid list size"),
    TOO_MANY_TAGS(45056, "too-many-tags", 409, "too many tags now, no need to add new"),
    TAG_TOO_BIG_TO_DELETE(45057, "tag-too-big-to-delete", 409, "can't delete the tag that has too many fans"),
    SYSTEM_TAG(45058, "system-tag", 409, "can't modify the system tag"),
    TOO_MANY_TAGS_ON_FOLLOWER(45059, "too-many-tags-on-follower", 409, "too many tag on user"),
    TAG_NAME_TAKEN(45157, "tag-name-taken", 409, "invalid tag name"),
    TAG_NAME_TOO_LONG(45158, "tag-name-too-long", 400, "tag name too long"),
    INVALID_TAG_ID(45159, "invalid-tag-id", 400, "invalid tag id"),
    INVALID_APPID(40013, "invalid-appid", 400, "invalid appid"),
    INVALID_ACCESS_TOKEN(40014, "invalid-access-token", 401, "invalid access_token"),
    INVALID_APPSECRET(40125, "invalid-appsecret", 401, "invalid appsecret"),
    IP_NOT_WHITELISTED(40164, "ip-not-whitelisted", 403, "invalid ip, not in whitelist"),
    ACCESS_TOKEN_MISSING(41001, "access-token-missing", 401, "access_token missing"),
    APPID_MISSING(41002, "appid-missing", 400, "appid missing"),
    SECRET_MISSING(41004, "secret-missing", 400, "appsecret missing"),
    ACCESS_TOKEN_EXPIRED(42001, "access-token-expired", 401, "access_token expired"),
    DAILY_QUOTA_EXCEEDED(45009, "daily-quota-exceeded", 429, "reach max api daily quota limit"),
    TOO_FREQUENT(45011, "too-frequent", 429, "api minute-quota reach limit, must slower, retry next minute"),
    API_UNAUTHORIZED(48001, "api-unauthorized", 403, "api unauthorized"),

    // client API: people and sessions
    UNAUTHENTICATED(41001, "unauthenticated", 401, "authentication required"),
    FORBIDDEN(48001, "forbidden", 403, "not permitted"),
    INVALID_PHONE(40097, "invalid-phone", 400, "invalid phone number"),
    INVALID_VERIFICATION_CODE(40097, "invalid-verification-code", 400, "the verification code is wrong or expired"),
    CODE_REQUESTED_TOO_SOON(45011, "code-requested-too-soon", 429, "wait before requesting another code"),
    CODE_LIMIT_REACHED(45009, "code-limit-reached", 429, "too many codes requested"),
    INVALID_LOGIN(40097, "invalid-login", 401, "wrong phone number or password"),
    TOO_MANY_FAILED_LOGINS(45011, "too-many-failed-logins", 429, "too many failed logins, try again later"),
    PHONE_TAKEN(40097, "phone-taken", 409, "this phone number cannot be registered"),
    HANDLE_TAKEN(40097, "handle-taken", 409, "this WeChat ID is taken"),
    HANDLE_ALREADY_CHANGED(40097, "handle-already-changed", 409, "the WeChat ID can be changed only once"),

    // followers: parametric QR codes. WeChat publishes no errcodes of its own for these; 40097 "invalid args".
    QR_CODE_UNKNOWN(40097, "qr-code-unknown", 404, "no such QR code"),
    QR_CODE_EXPIRED(40097, "qr-code-expired", 410, "this QR code has expired"),
    QR_CODE_LIMIT_REACHED(40097, "qr-code-limit-reached", 409, "the account has the most permanent QR codes allowed"),

    // official accounts
    ACCOUNT_NAME_TAKEN(40097, "account-name-taken", 409, "an official account with this name exists"),
    NOT_ELIGIBLE(40097, "not-eligible", 422, "this account cannot do that"),
    INVALID_STATE(40097, "invalid-state", 409, "not possible in the current state"),
    ALREADY_MEMBER(40097, "already-member", 409, "this person is already a member of the account"),
    DOCUMENT_REJECTED(40097, "document-rejected", 400, "the document is not acceptable"),

    // payments (client API only; WeChat has no public errcodes for the wallet, so 40097 "invalid args" throughout)
    IDEMPOTENCY_KEY_MISSING(40097, "idempotency-key-missing", 400,
            "this request moves money and needs an Idempotency-Key header"),
    IDEMPOTENCY_KEY_REUSED(40097, "idempotency-key-reused", 422,
            "this Idempotency-Key was used for a different request"),
    AMOUNT_INVALID(40097, "amount-invalid", 400, "the amount must be a positive number of fen"),
    AMOUNT_ABOVE_LIMIT(40097, "amount-above-limit", 422, "the amount is above the limit"),
    INSUFFICIENT_BALANCE(40097, "insufficient-balance", 422, "the wallet balance is not enough"),
    PAYMENT_PASSWORD_NOT_SET(40097, "payment-password-not-set", 409, "set a payment password first"),
    PAYMENT_PASSWORD_INVALID(40097, "payment-password-invalid", 400,
            "the payment password must be 6 digits and not trivial"),
    PAYMENT_PASSWORD_WRONG(40097, "payment-password-wrong", 403, "wrong payment password"),
    PAYMENT_PASSWORD_LOCKED(40097, "payment-password-locked", 423,
            "the payment password is locked after too many wrong tries"),
    CARD_NUMBER_INVALID(40097, "card-number-invalid", 400, "this is not a valid card number"),
    CARD_DECLINED(40097, "card-declined", 402, "the bank declined the card"),
    CARD_ALREADY_LINKED(40097, "card-already-linked", 409, "this card is already linked"),
    TOO_MANY_CARDS(40097, "too-many-cards", 409, "no more cards can be linked"),
    CARD_UNKNOWN(40097, "card-unknown", 404, "no such card"),
    BANK_UNAVAILABLE(-1, "bank-unavailable", 504, "the bank did not answer in time; nothing was moved"),
    // Not a passing outage but how the installation is set up (OA_BANK_GATEWAY=none): 501 says "this server does not
    // do that", so clients neither retry nor blame their input (docs/bank-gateway.md).
    BANK_NOT_CONFIGURED(40097, "bank-not-configured", 501,
            "no bank is configured on this installation: cards, top-ups and withdrawals are off"),
    RECIPIENT_UNKNOWN(40097, "recipient-unknown", 404, "no such recipient"),
    SELF_TRANSFER(40097, "self-transfer", 422, "money cannot be sent to oneself"),
    TRANSFER_UNKNOWN(40097, "transfer-unknown", 404, "no such transfer"),
    TRANSFER_NOT_PENDING(40097, "transfer-not-pending", 409, "this transfer was already settled"),
    TRANSFER_EXPIRED(40097, "transfer-expired", 410, "this transfer expired and goes back to the sender"),
    RED_PACKET_UNKNOWN(40097, "red-packet-unknown", 404, "no such red packet"),
    RED_PACKET_INVALID(40097, "red-packet-invalid", 400, "this red packet cannot be made"),
    RED_PACKET_NOT_FOR_YOU(40097, "red-packet-not-for-you", 403, "this red packet is for someone else"),
    RED_PACKET_ALREADY_CLAIMED(40097, "red-packet-already-claimed", 409, "you already opened this red packet"),
    RED_PACKET_EMPTY(40097, "red-packet-empty", 409, "all shares of this red packet are taken"),
    RED_PACKET_EXPIRED(40097, "red-packet-expired", 410, "this red packet expired; unclaimed money went back"),
    WITHDRAWAL_UNKNOWN(40097, "withdrawal-unknown", 404, "no such withdrawal"),
    TOP_UP_UNKNOWN(40097, "top-up-unknown", 404, "no such top-up");

    private final int errcode;
    private final String problemSlug;
    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.errcode = errcode;
        this.problemSlug = problemSlug;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public int errcode() {
        return errcode;
    }

    /** Stable problem type URI of the client API (RFC 9457); clients may switch on it. */
    public String problemType() {
        return "urn:oaplatform:problem:" + problemSlug;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
