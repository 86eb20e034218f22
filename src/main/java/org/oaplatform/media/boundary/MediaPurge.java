package org.oaplatform.media.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.media.control.MediaFiles;
import org.oaplatform.media.entity.MediaGrant;
import org.oaplatform.media.entity.NewsMedia;
import org.oaplatform.media.entity.StoredMedia;
import org.oaplatform.platform.control.DueWork;

/**
 * Removes temporary media three days after upload: row and grants in a transaction, then the file. Reads refuse an
 * expired media from its expiry on, so how soon the purge follows only matters for the disk.
 */
@Stateless
public class MediaPurge {

    private static final Logger LOG = Logger.getLogger(MediaPurge.class.getName());

    /** Media purged per run at most; a run a minute keeps up with 1.4 million expiries a day. */
    static final int BATCH = 1_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MediaFiles files;

    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*", persistent = true, info = "media-purge")
    void purgeOnSchedule() {
        purgeDue();
    }

    /** Purges what expired, each media in a transaction of its own, then the days whose media have all expired. */
    public int purgeDue() {
        Instant now = clock.instant();
        List<Long> due = em.createNamedQuery(StoredMedia.DUE, Long.class).setParameter("now", now).setMaxResults(BATCH)
                .getResultList();
        MediaPurge self = context.getBusinessObject(MediaPurge.class);
        int purged = DueWork.each(due, id -> self.forget(id).map(path -> {
            files.delete(path);
            return true;
        }).orElse(false), LOG, "purge of media");
        List<Long> news = em.createNamedQuery(NewsMedia.DUE, Long.class).setParameter("now", now)
                .setMaxResults(BATCH).getResultList();
        int purgedNews = DueWork.each(news, self::forgetNews, LOG, "purge of news");
        // Every media of a day before this one has expired: its directory goes whole, with what a crash left there.
        files.removeDaysBefore(LocalDate.ofInstant(now.minus(StoredMedia.LIFETIME), ZoneOffset.UTC));
        if (purged + purgedNews > 0) {
            LOG.info(() -> purged + " expired media and " + purgedNews + " expired news purged");
        }
        return purged + purgedNews;
    }

    /** News have no file and no grants: the row is all there is. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean forgetNews(long id) {
        NewsMedia news = em.find(NewsMedia.class, id);
        if (news == null || news.isAliveAt(clock.instant())) {
            return false;
        }
        em.remove(news);
        return true;
    }

    /** @return the file of the media whose row and grants this call removed; empty when it is gone or not due */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> forget(long id) {
        StoredMedia media = em.find(StoredMedia.class, id);
        if (media == null || !media.isExpiredAt(clock.instant())) {
            return Optional.empty();
        }
        em.createNamedQuery(MediaGrant.DELETE_OF_MEDIA).setParameter("mediaPk", id).executeUpdate();
        em.remove(media);
        return Optional.of(media.storagePath());
    }
}
