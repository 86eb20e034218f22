package org.oaplatform.broadcasts.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * WeChat's {@code msg_status} of {@code mass/get} (the first four), and the platform's own states before a broadcast
 * starts: scheduled, waiting for a second member's approval, and the two ends of those, cancelled and rejected.
 */
public enum BroadcastStatus {
    SENDING, SEND_SUCCESS, SEND_FAIL, DELETE, SCHEDULED, PENDING_APPROVAL, CANCELLED, REJECTED;

    /** The states that hold a day's quota: sent or going out (a scheduled one holds the day it is scheduled for). */
    public static final Set<BroadcastStatus> HOLDING_QUOTA = EnumSet.of(SENDING, SEND_SUCCESS, DELETE, SCHEDULED);

    /** Not started yet: a member may still cancel it. */
    public boolean cancellable() {
        return this == SCHEDULED || this == PENDING_APPROVAL;
    }
}
