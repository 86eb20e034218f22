package org.oaplatform.webhooks.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of the webhooks component. WeChat publishes no errcodes for a developer server's configuration or
 * answers (its sample code's negative numbers are library-internal), so all are 40097 "invalid args". The first two
 * are the operator's to fix when saving a server; the others describe what a developer server answered and end up in
 * the delivery log (502: the fault is upstream of us).
 */
public enum WebhookError implements ErrorCode {
    SERVER_URL_REFUSED(40097, "server-url-refused", 400, "the server URL is not allowed"),
    INVALID_ENCODING_AES_KEY(40097, "invalid-encoding-aes-key", 400,
            "the EncodingAESKey must be 43 characters of A-Z, a-z and 0-9"),
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
