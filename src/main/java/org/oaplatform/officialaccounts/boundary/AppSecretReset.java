package org.oaplatform.officialaccounts.boundary;

/** Fired inside the transaction that replaces an account's secret: whatever was granted with the old one ends. */
public record AppSecretReset(long accountId, String appId) {
}
