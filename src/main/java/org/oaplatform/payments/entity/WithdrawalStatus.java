package org.oaplatform.payments.entity;

/** A payout is accepted by the bank at once but settles later; a failed one is reversed back into the wallet. */
public enum WithdrawalStatus {
    PROCESSING, SUCCEEDED, FAILED
}
