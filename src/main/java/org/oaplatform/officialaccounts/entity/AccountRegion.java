package org.oaplatform.officialaccounts.entity;

/** Where an account is registered; mainland people cannot see international accounts. */
public enum AccountRegion {
    CN, INTERNATIONAL
}
