package org.oaplatform.platform.control;

/**
 * Errors that any component or surface can answer: the request's shape, authentication, a
 * conflict or a failure of the platform itself.
 */
public enum PlatformError implements ErrorCode {
    SYSTEM_BUSY(-1, "system-error", 500, "system error"),
    // A dependency (the database) is away or the schema is not migrated yet: retry later; 503 with Retry-After.
    SERVICE_UNAVAILABLE(-1, "service-unavailable", 503, "system busy"),
    MALFORMED_REQUEST(47001, "malformed-request", 400, "data format error"),
    VALIDATION_FAILED(40097, "validation-failed", 400, "invalid args"),
    REQUEST_TOO_LARGE(45002, "request-too-large", 413, "content size out of limit"),
    UNSUPPORTED_MEDIA_TYPE(47001, "unsupported-media-type", 415, "data format error"),
    NOT_FOUND(40066, "not-found", 404, "invalid url"),
    METHOD_NOT_ALLOWED(43002, "method-not-allowed", 405, "require POST method"),
    REQUIRE_GET(43001, "method-not-allowed", 405, "require GET method"),
    REQUIRE_POST(43002, "method-not-allowed", 405, "require POST method"),
    UNAUTHENTICATED(41001, "unauthenticated", 401, "authentication required"),
    FORBIDDEN(48001, "forbidden", 403, "not permitted"),
    INVALID_STATE(40097, "invalid-state", 409, "not possible in the current state"),
    // Two requests changed the same row at once and this one lost (an optimistic lock failed at commit). Nothing of
    // it was written; sending it again is safe. -1 on /cgi-bin: WeChat's "system busy", which SDKs retry by themselves.
    CONFLICT(-1, "conflict", 409,
            "another request changed the same data at the same time; nothing was changed, try again");

    private final Wire wire;

    PlatformError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
