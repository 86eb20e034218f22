package org.oaplatform.officialaccounts.entity;

/** Where an account stands in verification review. */
public enum VerificationStatus {
    UNVERIFIED, PENDING, VERIFIED, LAPSED
}
