package org.oaplatform.payments.entity;

/** The business event a posting records; statements name transactions by it. */
public enum PostingKind {
    TOP_UP,
    WITHDRAWAL,
    WITHDRAWAL_REVERSAL,
    TRANSFER_SENT,
    TRANSFER_ACCEPTED,
    TRANSFER_RETURNED,
    TRANSFER_EXPIRED,
    RED_PACKET_SENT,
    RED_PACKET_CLAIMED,
    RED_PACKET_REFUNDED,
    MERCHANT_PAYMENT,
    MERCHANT_PAYMENT_REVERSAL,
    MERCHANT_REFUND,
    MERCHANT_SETTLEMENT,
    MERCHANT_SETTLEMENT_REVERSAL
}
