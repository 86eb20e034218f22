package org.oaplatform.followers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A label an account puts on followers. {@link #tagId()} is the number WeChat's API shows: system tags have the
 * reserved small ids, an account's own tags are numbered from {@link #FIRST_CUSTOM_ID}.
 */
@Entity
@Table(name = "follower_tag")
@NamedQueries({
    @NamedQuery(name = Tag.OF_ACCOUNT, query = "SELECT t FROM Tag t WHERE t.accountId = :accountId ORDER BY t.tagId"),
    @NamedQuery(name = Tag.BY_TAG_ID, query = "SELECT t FROM Tag t WHERE t.accountId = :accountId AND t.tagId = :tagId"),
    @NamedQuery(name = Tag.BY_NAME, query = "SELECT t FROM Tag t WHERE t.accountId = :accountId AND t.name = :name")
})
public class Tag {

    public static final String OF_ACCOUNT = "Tag.ofAccount";
    public static final String BY_TAG_ID = "Tag.byTagId";
    public static final String BY_NAME = "Tag.byName";

    public static final int FIRST_CUSTOM_ID = 100;
    /** WeChat's starred group, present on every account. */
    public static final int STARRED_ID = 2;
    public static final String STARRED_NAME = "星标组";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "tag_id", nullable = false)
    private int tagId;

    @Column(nullable = false, length = 30)
    private String name;

    @Column(name = "system_tag", nullable = false)
    private boolean systemTag;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Tag() {
    }

    public Tag(long accountId, int tagId, String name, boolean systemTag, Instant createdAt) {
        this.accountId = accountId;
        this.tagId = tagId;
        this.name = name;
        this.systemTag = systemTag;
        this.createdAt = createdAt;
    }

    public void rename(String newName) {
        name = newName;
    }

    public Long id() {
        return id;
    }

    public int tagId() {
        return tagId;
    }

    public String name() {
        return name;
    }

    public boolean isSystem() {
        return systemTag;
    }
}
