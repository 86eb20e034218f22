package org.oaplatform.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * Opens a media to one reader besides its owner: the account a follower sent it to, or the follower an account sent
 * it to. Made by the conversations component when the message is written, in the same transaction, so a message
 * that was not sent grants nothing. It lives and goes with its media.
 */
@Entity
@Table(name = "media_grant")
@IdClass(MediaGrant.Key.class)
@NamedQuery(name = MediaGrant.COUNT, query = "SELECT COUNT(g) FROM MediaGrant g WHERE g.mediaPk = :mediaPk"
        + " AND g.granteeKind = :kind AND g.granteeId = :granteeId")
@NamedQuery(name = MediaGrant.DELETE_OF_MEDIA, query = "DELETE FROM MediaGrant g WHERE g.mediaPk = :mediaPk")
public class MediaGrant {

    public static final String COUNT = "MediaGrant.count";
    public static final String DELETE_OF_MEDIA = "MediaGrant.deleteOfMedia";

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long mediaPk;
        public GranteeKind granteeKind;
        public long granteeId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.mediaPk == mediaPk && k.granteeKind == granteeKind
                    && k.granteeId == granteeId;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(mediaPk, granteeKind, granteeId);
        }
    }

    @Id
    @Column(name = "media_pk")
    private long mediaPk;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "grantee_kind", length = 8)
    private GranteeKind granteeKind;

    @Id
    @Column(name = "grantee_id")
    private long granteeId;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected MediaGrant() {
    }
}
