package org.oaplatform.webhooks.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of the webhooks component. WeChat publishes no errcodes for a developer server's configuration or
 * answers (its sample code's negative numbers are library-internal), so all are 40097 "invalid args". The first ones
 * are the operator's to fix when saving a server (a refused handshake answers with the reason the server gave:
 * unreachable, timeout, redirect, status); the {@code WEBHOOK_*} ones describe what a developer server did and end up
 * in the delivery log (502/504: the fault is upstream of us).
 */
public enum WebhookError implements ErrorCode {
    SERVER_URL_REFUSED(40097, "server-url-refused", 400, "the server URL is not allowed"),
    INVALID_ENCODING_AES_KEY(40097, "invalid-encoding-aes-key", 400,
            "the EncodingAESKey must be 43 characters of A-Z, a-z and 0-9"),
    SERVER_VERIFICATION_FAILED(40097, "server-verification-failed", 400,
            "the server did not answer the URL verification with the echostr"),
    DEVELOPER_SERVER_NOT_CONFIGURED(40097, "developer-server-not-configured", 404,
            "the account has no developer server"),
    PUSH_IN_FLIGHT(40097, "push-in-flight", 409, "the push is being delivered right now"),
    WEBHOOK_UNREACHABLE(40097, "webhook-unreachable", 502, "the developer server could not be reached"),
    WEBHOOK_TIMEOUT(40097, "webhook-timeout", 504, "the developer server did not answer in time"),
    WEBHOOK_REDIRECT_REFUSED(40097, "webhook-redirect-refused", 502, "the developer server answered with a redirect"),
    WEBHOOK_HTTP_STATUS(40097, "webhook-http-status", 502, "the developer server answered with an error status"),
    WEBHOOK_SIGNATURE_MISMATCH(40097, "webhook-signature-mismatch", 502, "the signature does not match"),
    WEBHOOK_PAYLOAD_MALFORMED(40097, "webhook-payload-malformed", 502, "the developer server's answer is malformed"),
    WEBHOOK_PAYLOAD_TOO_LARGE(40097, "webhook-payload-too-large", 502, "the developer server's answer is too large");

    private final Wire wire;

    WebhookError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
