package org.oaplatform.broadcasts.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oaplatform.broadcasts.control.BroadcastError;
import org.oaplatform.conversations.boundary.ConversationReading;
import org.oaplatform.broadcasts.control.BroadcastMessage;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.entity.StoredMedia;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.InstantConverter;
import org.oaplatform.platform.control.PlatformError;

/**
 * The broadcasts a person received, as WeChat's app files them: subscription accounts' folded into the subscription
 * folder (one entry per account with its unread count, keyset-paged by broadcast id), service and enterprise accounts'
 * in the chat list one by one beside the person's conversations (a preview always there: it is a message to one
 * person). Every read walks the person's own recipient rows by index, however many accounts they follow.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BroadcastInbox {

    public static final int MAX_PAGE = 100;

    /** A broadcast as its recipient sees it. */
    public record Entry(Broadcast broadcast, OfficialAccount account, Instant deliveredAt, Instant readAt) {
    }

    /** A subscription account in the folder: its newest broadcast to the person and how many are unread. */
    public record Folded(OfficialAccount account, Entry latest, long unread) {
    }

    public record Page<T>(List<T> entries, Long nextBefore) {
    }

    /** One entry of the chat list: a conversation (its last message) or a broadcast. */
    public record Chat(Instant at, ConversationReading.Summary conversation, Entry broadcast) {

        static final Comparator<Chat> NEWEST_FIRST = Comparator.comparing((Chat c) -> c.cursor().at())
                .thenComparing(c -> c.cursor().conversation()).thenComparingLong(c -> c.cursor().id()).reversed();

        static Chat of(ConversationReading.Summary conversation) {
            return new Chat(conversation.conversation().lastMessageAt(), conversation, null);
        }

        static Chat of(Entry broadcast) {
            return new Chat(broadcast.deliveredAt(), null, broadcast);
        }

        public ChatCursor cursor() {
            return conversation != null ? new ChatCursor(at, true, conversation.conversation().id())
                    : new ChatCursor(at, false, broadcast.broadcast().id());
        }
    }

    public record Chats(List<Chat> entries, ChatCursor next) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Media media;

    @Inject
    ConversationReading conversations;

    /**
     * The chat list: the person's conversations and the broadcasts of service and enterprise accounts (and previews)
     * side by side, newest first, paged by one keyset over both ({@link ChatCursor}).
     */
    public Chats chats(long personId, ChatCursor before, int size) {
        requirePageSize(size);
        ChatCursor cursor = before == null ? ChatCursor.START : before;
        List<Chat> merged = new ArrayList<>();
        conversations.before(personId, cursor.at(), cursor.conversationsBefore(), size + 1)
                .forEach(c -> merged.add(Chat.of(c)));
        List<?> rows = em.createNativeQuery("SELECT r.broadcast_id, r.delivered_at, r.read_at"
                + " FROM broadcast_recipient r JOIN broadcast b ON b.id = r.broadcast_id"
                + " JOIN official_account a ON a.id = b.account_id WHERE r.person_id = ?"
                + " AND (r.delivered_at < ? OR (r.delivered_at = ? AND r.broadcast_id < ?))"
                + " AND (a.account_type <> 'SUBSCRIPTION' OR b.target = 'PREVIEW')"
                + " ORDER BY r.delivered_at DESC, r.broadcast_id DESC LIMIT " + (size + 1))
                .setParameter(1, personId).setParameter(2, InstantConverter.utc(cursor.at()))
                .setParameter(3, InstantConverter.utc(cursor.at())).setParameter(4, cursor.broadcastsBefore())
                .getResultList();
        rows.forEach(row -> merged.add(Chat.of(entry((Object[]) row))));
        merged.sort(Chat.NEWEST_FIRST);
        List<Chat> page = merged.subList(0, Math.min(size, merged.size()));
        return new Chats(List.copyOf(page), merged.size() > size ? page.get(size - 1).cursor() : null);
    }

    /** Folded by account, the account with the newest broadcast first; {@code before} is such a broadcast's id. */
    public Page<Folded> subscriptions(long personId, Long before, int size) {
        requirePageSize(size);
        List<?> rows = em.createNativeQuery("SELECT b.account_id, MAX(r.broadcast_id) AS latest,"
                + " SUM(CASE WHEN r.read_at IS NULL THEN 1 ELSE 0 END) FROM broadcast_recipient r"
                + " JOIN broadcast b ON b.id = r.broadcast_id JOIN official_account a ON a.id = b.account_id"
                + " WHERE r.person_id = ? AND a.account_type = 'SUBSCRIPTION' AND b.target <> 'PREVIEW'"
                + " GROUP BY b.account_id HAVING MAX(r.broadcast_id) < ? ORDER BY latest DESC LIMIT " + (size + 1))
                .setParameter(1, personId).setParameter(2, before == null ? Long.MAX_VALUE : before).getResultList();
        List<Folded> folded = new ArrayList<>();
        for (Object row : rows.subList(0, Math.min(size, rows.size()))) {
            Object[] values = (Object[]) row;
            Entry latest = open(personId, ((Number) values[1]).longValue(), false);
            folded.add(new Folded(latest.account(), latest, ((Number) values[2]).longValue()));
        }
        return new Page<>(folded, rows.size() > size ? folded.get(size - 1).latest().broadcast().id() : null);
    }

    /** One of the person's broadcasts, marked read: reads count in the broadcast's statistics. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Entry read(long personId, long broadcastId) {
        Entry entry = open(personId, broadcastId, true);
        if (entry.readAt() == null) {
            Instant now = clock.instant();
            int marked = em.createNativeQuery("UPDATE broadcast_recipient SET read_at = ? WHERE broadcast_id = ?"
                    + " AND person_id = ? AND read_at IS NULL").setParameter(1, InstantConverter.utc(now))
                    .setParameter(2, broadcastId).setParameter(3, personId).executeUpdate();
            if (marked > 0) {
                em.createNativeQuery("INSERT INTO broadcast_read_hour (broadcast_id, hour_start, read_count)"
                        + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE read_count = read_count + VALUES(read_count)")
                        .setParameter(1, broadcastId).setParameter(2, InstantConverter.utc(now.truncatedTo(ChronoUnit.HOURS)))
                        .setParameter(3, marked).executeUpdate();
            }
            return new Entry(entry.broadcast(), entry.account(), entry.deliveredAt(), now);
        }
        return entry;
    }

    /**
     * A media a broadcast shows, for one of its recipients: read through the broadcast rather than granted to each
     * recipient, so that a fan-out to a million followers writes no grants; the media must still live and be the
     * account's. Not found when the person did not get the broadcast, it was deleted, or it does not show that media.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredMedia shownMedia(long personId, long broadcastId, String mediaId) {
        Broadcast broadcast = open(personId, broadcastId, true).broadcast();
        if (broadcast.status() == BroadcastStatus.DELETE || !BroadcastMessage.shownMedia(broadcast.msgType(),
                JSON.createReader(new StringReader(broadcast.content())).readObject(), broadcast.deletedArticles())
                .contains(mediaId)) {
            throw new BusinessException(PlatformError.NOT_FOUND, "the broadcast shows no such media");
        }
        return media.readableByAccount(new AccountId(broadcast.accountId()), mediaId);
    }

    private Entry open(long personId, long broadcastId, boolean notFoundOtherwise) {
        List<?> rows = em.createNativeQuery("SELECT r.broadcast_id, r.delivered_at, r.read_at FROM broadcast_recipient r"
                + " WHERE r.person_id = ? AND r.broadcast_id = ?").setParameter(1, personId)
                .setParameter(2, broadcastId).getResultList();
        if (rows.isEmpty()) {
            throw new BusinessException(notFoundOtherwise ? PlatformError.NOT_FOUND : BroadcastError.UNKNOWN_BROADCAST,
                    "no such broadcast of yours");
        }
        return entry((Object[]) rows.get(0));
    }

    private Entry entry(Object[] row) {
        Broadcast broadcast = em.find(Broadcast.class, ((Number) row[0]).longValue());
        return new Entry(broadcast, em.find(OfficialAccount.class, broadcast.accountId()), InstantConverter.fromUtc(row[1]),
                InstantConverter.fromUtc(row[2]));
    }

    private static void requirePageSize(int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a page has 1 to " + MAX_PAGE + " entries");
        }
    }
}
