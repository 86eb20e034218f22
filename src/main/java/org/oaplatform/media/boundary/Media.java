package org.oaplatform.media.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.media.control.MediaFiles;
import org.oaplatform.media.entity.MediaGrant;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.media.entity.MediaOwner;
import org.oaplatform.media.entity.StoredMedia;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.InstantConverter;
import org.oaplatform.platform.control.TimeOrderedIds;

/**
 * Temporary media (spec §9.1): uploads by official accounts ({@code /cgi-bin}) and by people ({@code /api/v1}), reads
 * by their owners and by whom they were granted to, and the checks other components make before they send a media_id.
 * Every refusal of a media id, whether unknown, malformed, expired, someone else's or of another kind, is the same
 * 40007 {@code invalid media_id}: an id says nothing about media its caller may not read.
 * <p>
 * An upload is written to its file first, outside any transaction, and its row is inserted afterwards in a transaction
 * of its own; if the insert fails the file is removed. A row therefore never points to a missing file, and a file
 * without a row (the server died in between) goes with its day's directory at the purge.
 */
@Stateless
public class Media {

    /** Uploads per person and rolling day: a follower sends media in messages, not by the thousand. */
    public static final int PERSON_DAILY_UPLOADS = 1_000;

    private static final Pattern VIDEO_KEY = Pattern.compile("[A-Za-z0-9_-]{43}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    MediaFiles files;

    @Resource
    SessionContext context;

    /** The kind WeChat's {@code type} names, or 40004. */
    public static MediaKind kindOf(String type) {
        return MediaKind.ofWireName(type).orElseThrow(() -> new BusinessException(MediaError.INVALID_MEDIA_TYPE,
                "type is one of image, voice, video, thumb"));
    }

    /**
     * An account's upload through {@code /cgi-bin/media/upload}. The type is checked before {@code content} is asked
     * for, so a wrong type costs no reading of the body.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StoredMedia uploadForAccount(AccountId account, String type, Supplier<InputStream> content) {
        return upload(MediaOwner.account(account.value()), kindOf(type), content);
    }

    /** A person's upload, to send in a message later: image, voice or video, at most {@link #PERSON_DAILY_UPLOADS} a day. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StoredMedia uploadForPerson(long personId, String type, Supplier<InputStream> content) {
        MediaKind kind = kindOf(type);
        if (kind == MediaKind.THUMB) {
            throw new BusinessException(MediaError.INVALID_MEDIA_TYPE, "people upload image, voice or video");
        }
        long today = em.createNamedQuery(StoredMedia.UPLOADS_OF_PERSON_SINCE, Long.class)
                .setParameter("personId", personId).setParameter("since", clock.instant().minus(Duration.ofDays(1)))
                .getSingleResult();
        if (today >= PERSON_DAILY_UPLOADS) {
            throw new BusinessException(MediaError.MEDIA_UPLOAD_LIMIT_REACHED,
                    "at most " + PERSON_DAILY_UPLOADS + " uploads in 24 hours");
        }
        return upload(MediaOwner.person(personId), kind, content);
    }

    private StoredMedia upload(MediaOwner owner, MediaKind kind, Supplier<InputStream> content) {
        Instant now = clock.instant();
        String mediaId = ids.publicId(StoredMedia.ID_PREFIX);
        MediaFiles.Written file = files.write(content.get(), kind, now, mediaId);
        StoredMedia media = new StoredMedia(rowIds.next(), mediaId, kind, file.format(), file.size(), owner,
                file.relativePath(), kind == MediaKind.VIDEO ? ids.token(32) : null, now);
        try {
            context.getBusinessObject(Media.class).record(media);
        } catch (RuntimeException e) {
            files.delete(file.relativePath());
            throw e;
        }
        return media;
    }

    /** The row of an upload whose file is in place; only {@link #upload} calls it (through the container). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(StoredMedia media) {
        em.persist(media);
    }

    /**
     * The account's own living media of a kind, newest first, at most {@code limit}: what a composer in the portal
     * offers to send. Media granted to the account (a follower's uploads) are not offered: they are not its to send.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StoredMedia> livingOfAccount(AccountId account, MediaKind kind, int limit) {
        return em.createNamedQuery(StoredMedia.LIVING_OF_ACCOUNT, StoredMedia.class)
                .setParameter("accountId", account.value()).setParameter("kind", kind)
                .setParameter("now", clock.instant()).setMaxResults(limit).getResultList();
    }

    /** A media the account may read: its own, or one granted to it ({@link #grantToAccount}); 40007 otherwise. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredMedia readableByAccount(AccountId account, String mediaId) {
        return readable(MediaOwner.account(account.value()), mediaId);
    }

    /** A media the person may read: their own, or one an account sent them ({@link #grantToPerson}); 40007 otherwise. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredMedia readableByPerson(long personId, String mediaId) {
        return readable(MediaOwner.person(personId), mediaId);
    }

    /**
     * For custom messages and passive replies: the media exists, lives, is the account's to use and of the
     * {@code expected} kind; 40007 otherwise.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredMedia requireUsableByAccount(AccountId account, String mediaId, MediaKind expected) {
        return ofKind(readableByAccount(account, mediaId), expected);
    }

    /**
     * As {@link #requireUsableByAccount}, answering the refusal instead of throwing it, for a caller whose transaction
     * must go on when the media is refused (a passive reply is logged as refused, an auto-reply skips it): an
     * application exception thrown out of this bean would mark that transaction for rollback.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<BusinessException> refusalForAccount(AccountId account, String mediaId, MediaKind expected) {
        try {
            ofKind(readable(MediaOwner.account(account.value()), mediaId), expected);
            return Optional.empty();
        } catch (BusinessException refused) {
            return Optional.of(refused);
        }
    }

    /**
     * For a follower's message: the media is the person's own upload (not one an account sent them), lives and is of
     * the {@code expected} kind; 40007 otherwise.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredMedia requireOwnedByPerson(long personId, String mediaId, MediaKind expected) {
        StoredMedia media = ofKind(live(mediaId), expected);
        if (!media.isOwnedBy(MediaOwner.person(personId))) {
            throw invalid();
        }
        return media;
    }

    /** For a follower's message: as {@link #requireUsableByAccount}, for a person. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredMedia requireUsableByPerson(long personId, String mediaId, MediaKind expected) {
        return ofKind(readableByPerson(personId, mediaId), expected);
    }

    /** A video by the key of its URL (the URL is the credential, as WeChat's {@code video_url} is); 40007 otherwise. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredMedia videoByKey(String key) {
        if (!Ids.matches(VIDEO_KEY, key)) {
            throw invalid();
        }
        return em.createNamedQuery(StoredMedia.BY_VIDEO_KEY, StoredMedia.class).setParameter("videoKey", key)
                .getResultStream().filter(m -> !m.isExpiredAt(clock.instant())).findFirst().orElseThrow(Media::invalid);
    }

    /** The file of a media just found readable; 40007 when the purge took it meanwhile. Close it after reading. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public InputStream open(StoredMedia media) {
        return files.open(media.storagePath()).orElseThrow(Media::invalid);
    }

    /**
     * Lets the account read a media a follower sent it. Called by the conversations component in the transaction that
     * writes the message; granting again, or granting to the owner, changes nothing.
     */
    public void grantToAccount(String mediaId, AccountId account) {
        grant(mediaId, MediaOwner.account(account.value()));
    }

    /** Lets the person read a media an account sent them; as {@link #grantToAccount}. */
    public void grantToPerson(String mediaId, long personId) {
        grant(mediaId, MediaOwner.person(personId));
    }

    /**
     * As {@link #grantToPerson}, for a media that is only part of what was sent (a news article's thumbnail), which may
     * have expired before the message that shows it: then nothing is granted and the send goes on.
     */
    public void grantToPersonIfLiving(String mediaId, long personId) {
        if (Ids.isPublicId(StoredMedia.ID_PREFIX, mediaId) && em.createNamedQuery(StoredMedia.BY_MEDIA_ID,
                StoredMedia.class).setParameter("mediaId", mediaId).getResultStream()
                .anyMatch(m -> !m.isExpiredAt(clock.instant()))) {
            grantToPerson(mediaId, personId);
        }
    }

    private void grant(String mediaId, MediaOwner grantee) {
        StoredMedia media = live(mediaId);
        if (media.isOwnedBy(grantee)) {
            return;
        }
        em.createNativeQuery("INSERT INTO media_grant (media_pk, grantee_kind, grantee_id, granted_at)"
                + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE granted_at = granted_at")
                .setParameter(1, media.id()).setParameter(2, grantee.kind().name()).setParameter(3, grantee.id())
                .setParameter(4, InstantConverter.utc(clock.instant())).executeUpdate();
    }

    private StoredMedia readable(MediaOwner reader, String mediaId) {
        StoredMedia media = live(mediaId);
        if (media.isOwnedBy(reader) || em.createNamedQuery(MediaGrant.COUNT, Long.class)
                .setParameter("mediaPk", media.id()).setParameter("kind", reader.kind())
                .setParameter("granteeId", reader.id()).getSingleResult() > 0) {
            return media;
        }
        throw invalid();
    }

    private StoredMedia live(String mediaId) {
        if (!Ids.isPublicId(StoredMedia.ID_PREFIX, mediaId)) {
            throw invalid();
        }
        return em.createNamedQuery(StoredMedia.BY_MEDIA_ID, StoredMedia.class).setParameter("mediaId", mediaId)
                .getResultStream().filter(m -> !m.isExpiredAt(clock.instant())).findFirst().orElseThrow(Media::invalid);
    }

    private static StoredMedia ofKind(StoredMedia media, MediaKind expected) {
        if (media.kind() != expected) {
            throw new BusinessException(MediaError.INVALID_MEDIA_ID, "media_id is not of type " + expected.wireName());
        }
        return media;
    }

    private static BusinessException invalid() {
        return new BusinessException(MediaError.INVALID_MEDIA_ID);
    }
}
