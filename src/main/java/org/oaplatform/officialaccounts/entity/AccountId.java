package org.oaplatform.officialaccounts.entity;

/**
 * An official account's database id as a type of its own, for the boundaries that act on one tenant's data: there a
 * bare {@code long} could be a person's or a follower's id just as well, one transposed argument from a leak. Only two
 * places make one: an admitted {@code /cgi-bin} token ({@code CallingAccount.account()}) and a membership check
 * ({@code OfficialAccounts.requireMember}, via {@link OfficialAccount#accountId()}).
 */
public record AccountId(long value) {
}
