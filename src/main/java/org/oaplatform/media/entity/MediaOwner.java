package org.oaplatform.media.entity;

/**
 * Who a media belongs to, or who it was granted to: an official account (its database id) or a person, never both.
 * The boundary makes an account's from an {@code AccountId}, which only an admitted token or a membership check
 * yields.
 */
public record MediaOwner(Long accountId, Long personId) {

    public MediaOwner {
        if ((accountId == null) == (personId == null)) {
            throw new IllegalArgumentException("an account or a person");
        }
    }

    public static MediaOwner account(long accountId) {
        return new MediaOwner(accountId, null);
    }

    public static MediaOwner person(long personId) {
        return new MediaOwner(null, personId);
    }

    public boolean isPerson() {
        return personId != null;
    }

    public GranteeKind kind() {
        return isPerson() ? GranteeKind.PERSON : GranteeKind.ACCOUNT;
    }

    public long id() {
        return isPerson() ? personId : accountId;
    }
}
