package org.oaplatform.payments.entity;

/** A transfer waits in escrow (PENDING) and settles exactly once: to the receiver, or back to the sender. */
public enum TransferStatus {
    PENDING, ACCEPTED, RETURNED, EXPIRED
}
