package org.oaplatform.officialaccounts.entity;

/** What a person may do for an account: the owner everything, admins manage it, operators run it day to day. */
public enum MemberRole {
    OWNER, ADMIN, OPERATOR;

    public boolean mayManage() {
        return this == OWNER || this == ADMIN;
    }
}
