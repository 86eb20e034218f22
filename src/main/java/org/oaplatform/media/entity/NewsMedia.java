package org.oaplatform.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account's news (its articles) uploaded for sending as {@code mpnews}: a temporary media without a file, alive as
 * long as the files are ({@link StoredMedia#LIFETIME}), its id from the same namespace.
 */
@Entity
@Table(name = "media_news")
@NamedQuery(name = NewsMedia.BY_MEDIA_ID, query = "SELECT n FROM NewsMedia n WHERE n.mediaId = :mediaId")
@NamedQuery(name = NewsMedia.DUE, query = "SELECT n.id FROM NewsMedia n WHERE n.expiresAt <= :now ORDER BY n.expiresAt")
@NamedQuery(name = NewsMedia.LIVING_OF_ACCOUNT, query = "SELECT n FROM NewsMedia n WHERE n.ownerAccountId = :accountId"
        + " AND n.expiresAt > :now ORDER BY n.createdAt DESC")
public class NewsMedia {

    public static final String BY_MEDIA_ID = "NewsMedia.byMediaId";
    public static final String DUE = "NewsMedia.due";
    public static final String LIVING_OF_ACCOUNT = "NewsMedia.livingOfAccount";

    @Id
    private Long id;

    @Column(name = "media_id", nullable = false, updatable = false, length = 20)
    private String mediaId;

    @Column(name = "owner_account_id", nullable = false, updatable = false)
    private long ownerAccountId;

    @Column(nullable = false, updatable = false)
    private String articles;

    @Column(name = "article_count", nullable = false, updatable = false)
    private int articleCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected NewsMedia() {
    }

    public NewsMedia(long id, String mediaId, long ownerAccountId, String articles, int articleCount,
            Instant createdAt) {
        this.id = id;
        this.mediaId = mediaId;
        this.ownerAccountId = ownerAccountId;
        this.articles = articles;
        this.articleCount = articleCount;
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(StoredMedia.LIFETIME);
    }

    public Long id() {
        return id;
    }

    public String mediaId() {
        return mediaId;
    }

    public long ownerAccountId() {
        return ownerAccountId;
    }

    /** The articles as JSON (an array). */
    public String articles() {
        return articles;
    }

    public int articleCount() {
        return articleCount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isAliveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
