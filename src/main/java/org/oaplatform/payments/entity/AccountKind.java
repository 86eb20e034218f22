package org.oaplatform.payments.entity;

/** What a ledger account stands for. Only wallets belong to a person, merchant accounts to a merchant; the others are the platform's, in shards. */
public enum AccountKind {
    /** What the platform owes a person. Never negative. */
    WALLET,
    /** The platform's money at the bank, seen from the ledger: top-ups draw it below zero, withdrawals return it. */
    BANK_SETTLEMENT,
    /** Withdrawal fees earned. */
    FEE_INCOME,
    /** Transfers sent but not yet accepted, returned or expired. */
    TRANSFER_ESCROW,
    /** Red-packet money not yet claimed or refunded. */
    RED_PACKET_ESCROW,
    /** What the platform owes a merchant for its paid orders (one account per merchant). Never negative. */
    MERCHANT
}
