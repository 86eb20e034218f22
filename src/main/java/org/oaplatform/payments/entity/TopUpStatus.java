package org.oaplatform.payments.entity;

/** Where a top-up stands: the bank is asked after the top-up is recorded, so its answer can be late or lost. */
public enum TopUpStatus {
    /** Recorded; the bank has not confirmed the charge yet. Nothing is posted. */
    PENDING,
    /** The bank took the money from the card; the wallet is credited. */
    SUCCEEDED,
    /** The bank declined, or never received the charge; nothing was moved. */
    FAILED
}
