package org.oaplatform.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A temporary media file (spec §9.1): what it is, who uploaded it and until when it lives. It belongs to exactly one
 * official account or one person; anybody else reads it only through a {@link MediaGrant}. From its expiry on it is
 * gone on every path, whether or not the purge has removed it yet.
 */
@Entity
@Table(name = "media")
@NamedQuery(name = StoredMedia.BY_MEDIA_ID, query = "SELECT m FROM StoredMedia m WHERE m.mediaId = :mediaId")
@NamedQuery(name = StoredMedia.BY_VIDEO_KEY, query = "SELECT m FROM StoredMedia m WHERE m.videoKey = :videoKey")
@NamedQuery(name = StoredMedia.DUE, query = "SELECT m.id FROM StoredMedia m WHERE m.expiresAt <= :now ORDER BY m.expiresAt")
@NamedQuery(name = StoredMedia.UPLOADS_OF_PERSON_SINCE, query = "SELECT COUNT(m) FROM StoredMedia m"
        + " WHERE m.ownerPersonId = :personId AND m.createdAt > :since")
@NamedQuery(name = StoredMedia.LIVING_OF_ACCOUNT, query = "SELECT m FROM StoredMedia m WHERE m.ownerAccountId = :accountId"
        + " AND m.kind = :kind AND m.expiresAt > :now ORDER BY m.createdAt DESC")
public class StoredMedia {

    /** Starts every media_id. */
    public static final String ID_PREFIX = "med_";

    public static final String BY_MEDIA_ID = "StoredMedia.byMediaId";
    public static final String BY_VIDEO_KEY = "StoredMedia.byVideoKey";
    public static final String DUE = "StoredMedia.due";
    public static final String UPLOADS_OF_PERSON_SINCE = "StoredMedia.uploadsOfPersonSince";
    public static final String LIVING_OF_ACCOUNT = "StoredMedia.livingOfAccount";

    /** WeChat keeps temporary media three days. */
    public static final Duration LIFETIME = Duration.ofDays(3);

    @Id
    private Long id;

    @Column(name = "media_id", nullable = false, updatable = false, length = 20)
    private String mediaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private MediaKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private MediaFormat format;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "owner_account_id", updatable = false)
    private Long ownerAccountId;

    @Column(name = "owner_person_id", updatable = false)
    private Long ownerPersonId;

    @Column(name = "storage_path", nullable = false, updatable = false, length = 64)
    private String storagePath;

    @Column(name = "video_key", updatable = false, length = 64)
    private String videoKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected StoredMedia() {
    }

    /**
     * @param owner the account or the person that uploaded it
     * @param videoKey the key of a video's download URL; {@code null} for every other kind
     */
    public StoredMedia(long id, String mediaId, MediaKind kind, MediaFormat format, long size, MediaOwner owner,
            String storagePath, String videoKey, Instant createdAt) {
        if (!kind.allows(format) || size <= 0 || (kind == MediaKind.VIDEO) != (videoKey != null)) {
            throw new IllegalArgumentException(kind + " cannot be " + format + " of " + size + " bytes, key " + videoKey);
        }
        this.id = id;
        this.mediaId = Objects.requireNonNull(mediaId);
        this.kind = kind;
        this.format = format;
        this.size = size;
        this.ownerAccountId = owner.accountId();
        this.ownerPersonId = owner.personId();
        this.storagePath = Objects.requireNonNull(storagePath);
        this.videoKey = videoKey;
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(LIFETIME);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isOwnedBy(MediaOwner owner) {
        return Objects.equals(ownerAccountId, owner.accountId()) && Objects.equals(ownerPersonId, owner.personId());
    }

    /** The name a download carries, {@code <media_id>.<extension>}, as WeChat names its files. */
    public String fileName() {
        return mediaId + "." + format.extension();
    }

    public long id() {
        return id;
    }

    public String mediaId() {
        return mediaId;
    }

    public MediaKind kind() {
        return kind;
    }

    public MediaFormat format() {
        return format;
    }

    public long size() {
        return size;
    }

    public String storagePath() {
        return storagePath;
    }

    public String videoKey() {
        return videoKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
