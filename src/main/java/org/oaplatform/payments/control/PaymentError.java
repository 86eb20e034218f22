package org.oaplatform.payments.control;

import org.oaplatform.platform.control.ErrorCode;

/**
 * Errors of the wallet and the ledger (client API only; WeChat has no public errcodes for the wallet,
 * so 40097 "invalid args" throughout, and -1 where the bank is the cause).
 */
public enum PaymentError implements ErrorCode {
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

    private final Wire wire;

    PaymentError(int errcode, String problemSlug, int httpStatus, String defaultMessage) {
        this.wire = new Wire(errcode, problemSlug, httpStatus, defaultMessage);
    }

    @Override
    public Wire wire() {
        return wire;
    }
}
