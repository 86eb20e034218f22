package org.oaplatform.officialaccounts.entity;

/** Who stands behind an account. Individuals may only open subscription accounts and cannot be verified. */
public enum EntityType {
    INDIVIDUAL, COMPANY, GOVERNMENT, MEDIA, OTHER;

    public boolean isOrganisation() {
        return this != INDIVIDUAL;
    }
}
