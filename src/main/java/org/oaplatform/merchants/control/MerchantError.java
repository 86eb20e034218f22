package org.oaplatform.merchants.control;

import org.oaplatform.platform.control.ErrorCode;

/** Errors of becoming a merchant and of paying its orders, on the client API ({@code /api/v1}). */
public enum MerchantError implements ErrorCode {
    MERCHANT_NOT_ELIGIBLE(403, "merchant-not-eligible",
            "only a verified service account of mainland China can take payments"),
    MERCHANT_EXISTS(409, "merchant-exists", "this account is a merchant already"),
    MERCHANT_UNKNOWN(404, "merchant-unknown", "this account is not a merchant"),
    SETTLEMENT_CARD_IN_USE(409, "settlement-card-in-use",
            "settlements of a merchant are paid to this card; name another settlement card for it first"),
    MERCHANT_SUSPENDED(403, "merchant-suspended", "the platform suspended this merchant; it takes no payments now"),
    ORDER_UNKNOWN(404, "order-unknown", "no such order"),
    ORDER_EXPIRED(410, "order-expired", "this order can no longer be paid; ask the merchant for a new one"),
    ORDER_CLOSED(409, "order-closed", "the merchant closed this order"),
    ORDER_PAID(409, "order-paid", "this order is paid already"),
    REFUND_REFUSED(409, "refund-refused", "this refund cannot be made"),
    REFUND_AMOUNT_INVALID(400, "refund-amount-invalid", "the amount must be whole fen, from 1 to what was paid"),
    NOTIFY_URL_INVALID(400, "notify-url-invalid", "the notify URL must be a public http(s) URL without a query string");

    private final Wire wire;

    MerchantError(int httpStatus, String slug, String message) {
        this.wire = new Wire(40097, slug, httpStatus, message);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
