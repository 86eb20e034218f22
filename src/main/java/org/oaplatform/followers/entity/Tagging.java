package org.oaplatform.followers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A tag on a follower (ids only: queries join it, nobody navigates it). */
@Entity
@Table(name = "follower_tagging")
@IdClass(Tagging.Key.class)
public class Tagging {

    /** The composite key, as JPA wants it: a class with the id fields' names, equals and hashCode. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long followerId;
        private long tagPk;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.followerId == followerId && k.tagPk == tagPk;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(followerId) * 31 + Long.hashCode(tagPk);
        }
    }

    @Id
    @Column(name = "follower_id")
    private long followerId;

    @Id
    @Column(name = "tag_pk")
    private long tagPk;

    protected Tagging() {
    }
}
