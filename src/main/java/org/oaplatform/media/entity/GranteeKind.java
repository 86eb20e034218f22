package org.oaplatform.media.entity;

/** Whom a {@link MediaGrant} opens a media to. */
public enum GranteeKind {
    ACCOUNT,
    PERSON
}
