package org.oaplatform.media.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.media.control.NewsArticles;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.media.entity.NewsMedia;
import org.oaplatform.media.entity.StoredMedia;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;

/**
 * News media: an account's articles, uploaded once ({@code media/uploadnews}) and then sent as {@code mpnews} by
 * broadcasts and customer-service messages, which name it by its media_id. Each article's thumbnail must be a living
 * thumb or image of the account, as WeChat takes either.
 */
@Stateless
public class News {

    @PersistenceContext
    EntityManager em;

    @Inject
    Media media;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    public NewsMedia upload(AccountId account, JsonObject body) {
        NewsArticles news = NewsArticles.read(body);
        news.articles().forEach(article -> requireThumbnail(account, article.thumbMediaId()));
        NewsMedia stored = new NewsMedia(rowIds.next(), ids.publicId(StoredMedia.ID_PREFIX), account.value(),
                news.json().toString(), news.articles().size(), clock.instant());
        em.persist(stored);
        return stored;
    }

    /** A living news of the account; 40007 for any other id, as for files. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public NewsMedia ofAccount(AccountId account, String mediaId) {
        if (mediaId == null || mediaId.isBlank()) {
            throw new BusinessException(MediaError.MEDIA_ID_MISSING, "media_id is required");
        }
        if (!Ids.isPublicId(StoredMedia.ID_PREFIX, mediaId)) {
            throw unknown(mediaId);
        }
        return em.createNamedQuery(NewsMedia.BY_MEDIA_ID, NewsMedia.class).setParameter("mediaId", mediaId)
                .getResultStream().findFirst()
                .filter(n -> n.ownerAccountId() == account.value() && n.isAliveAt(clock.instant()))
                .orElseThrow(() -> unknown(mediaId));
    }

    /** The account's living news, newest first, at most {@code limit}: what a composer in the portal offers. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<NewsMedia> livingOfAccount(AccountId account, int limit) {
        return em.createNamedQuery(NewsMedia.LIVING_OF_ACCOUNT, NewsMedia.class)
                .setParameter("accountId", account.value()).setParameter("now", clock.instant())
                .setMaxResults(limit).getResultList();
    }

    /** The thumbnail's own refusal when it is neither a thumb nor an image of the account. */
    private void requireThumbnail(AccountId account, String mediaId) {
        if (media.refusalForAccount(account, mediaId, MediaKind.THUMB).isPresent()) {
            media.requireUsableByAccount(account, mediaId, MediaKind.IMAGE);
        }
    }

    private static BusinessException unknown(String mediaId) {
        return new BusinessException(MediaError.INVALID_MEDIA_ID, "no news " + mediaId + " of this account");
    }
}
