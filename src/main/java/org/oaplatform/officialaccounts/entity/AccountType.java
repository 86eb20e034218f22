package org.oaplatform.officialaccounts.entity;

/** What kind of official account; decides quotas and capabilities with the verification state. */
public enum AccountType {
    SUBSCRIPTION, SERVICE, ENTERPRISE
}
