package org.oaplatform.officialaccounts.entity;

/** Where a verification application stands. */
public enum ApplicationStatus {
    PENDING, APPROVED, REJECTED
}
