package org.oaplatform.broadcasts.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oaplatform.broadcasts.control.BroadcastCalendar;
import org.oaplatform.broadcasts.control.BroadcastError;
import org.oaplatform.broadcasts.control.BroadcastMessage;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.broadcasts.entity.BroadcastTarget;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.boundary.Tags;
import org.oaplatform.followers.control.FollowerError;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.boundary.News;
import org.oaplatform.officialaccounts.control.OfficialAccountError;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.wechatapi.control.WeChatJson;

/**
 * Mass sends as WeChat takes them (spec §6): checked and recorded in one transaction that holds the account's row,
 * so that the day's quota and the {@code clientmsgid} are decided one send at a time; the fan-out then runs in
 * chunks ({@link FanOut}). Subscription accounts send one broadcast a day; service and enterprise accounts as many
 * as their API quota allows, each follower receiving at most four a month (the others are filtered, not failed).
 */
@Stateless
public class Broadcasts {

    public static final int MAX_LIST = 10_000;
    static final int MAX_CLIENT_MSG_ID_BYTES = 64;
    static final Duration RETRY_WINDOW = Duration.ofMinutes(1);

    /**
     * A member's composition in the portal or the operator API rather than the developer API's send: who composed
     * it, not before when ({@code null}: at once), and whether a second member must approve it first.
     */
    public record Composer(long personId, Instant sendAt, boolean needsApproval) {
    }

    /** A send taken: its msg_id, or the earlier one a reused {@code clientmsgid} names (45065). */
    public record Submitted(long msgId, boolean news) {
    }

    /** A {@code clientmsgid} used before, more than a minute ago: WeChat answers 45065 with the first msg_id. */
    public static final class AlreadySent extends BusinessException {
        private static final long serialVersionUID = 1L;
        private final long msgId;

        AlreadySent(long msgId) {
            super(BroadcastError.CLIENT_MSG_ID_USED);
            this.msgId = msgId;
        }

        public long msgId() {
            return msgId;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Followers followers;

    @Inject
    Tags tags;

    @Inject
    Media media;

    @Inject
    News news;

    @Inject
    FanOut fanOut;

    @Inject
    BroadcastSpeeds speeds;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Clock clock;

    /** {@code mass/sendall}: to every follower ({@code filter.is_to_all}) or a tag's ({@code filter.tag_id}). */
    public Submitted sendAll(AccountId account, JsonObject body) {
        return sendAll(account, body, null);
    }

    /** {@link #sendAll(AccountId, JsonObject)} as a member composed it ({@code composer} null: the developer API). */
    public Submitted sendAll(AccountId account, JsonObject body, Composer composer) {
        if (!(body.get("filter") instanceof JsonObject filter)) {
            throw new BusinessException(BroadcastError.NO_FILTER, "filter is required");
        }
        if (WeChatJson.bool(filter, "is_to_all")) {
            return submit(account, BroadcastTarget.ALL, null, body, List.of(), composer);
        }
        String tagId = WeChatJson.string(filter, "tag_id");
        if (tagId == null || !tagId.matches("\\d{1,9}")) {
            throw new BusinessException(FollowerError.INVALID_TAG_ID, "filter.tag_id or filter.is_to_all is required");
        }
        long tagPk = tags.byTagId(account, Integer.parseInt(tagId)).id();
        return submit(account, BroadcastTarget.TAG, tagPk, body, List.of(), composer);
    }

    /** {@code mass/send}: to 2 to 10 000 openids of the account (40032 otherwise); service and enterprise accounts. */
    public Submitted sendToList(AccountId account, JsonObject body) {
        return sendToList(account, body, null);
    }

    public Submitted sendToList(AccountId account, JsonObject body, Composer composer) {
        if (!(body.get("touser") instanceof JsonArray list) || list.size() < 2 || list.size() > MAX_LIST) {
            throw new BusinessException(FollowerError.INVALID_OPENID_LIST_SIZE, "touser lists 2 to " + MAX_LIST
                    + " openids");
        }
        Set<String> openids = new LinkedHashSet<>();
        for (JsonValue value : list) {
            openids.add(value instanceof JsonString s ? s.getString() : value.toString());
        }
        List<Long> followerIds = followers.ofAccount(account, List.copyOf(openids)).stream().map(Follower::id)
                .toList();
        return submit(account, BroadcastTarget.LIST, null, body, followerIds, composer);
    }

    /** {@code mass/preview}: to one follower at once, by openid or WeChat id; counts against no quota. */
    public long preview(AccountId account, Follower follower, JsonObject body) {
        BroadcastMessage message = checked(account, body);
        Instant now = clock.instant();
        OfficialAccount owner = em.find(OfficialAccount.class, account.value());
        BroadcastCalendar calendar = BroadcastCalendar.of(owner.region());
        Broadcast preview = new Broadcast(rowIds.next(), account.value(), BroadcastTarget.PREVIEW, null,
                message.msgType(), message.content().toString(), null, calendar.day(now), calendar.month(now), 0, now);
        em.persist(preview);
        fanOut.deliverPreview(preview, follower);
        return preview.id();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Broadcast get(AccountId account, long msgId) {
        Broadcast broadcast = em.find(Broadcast.class, msgId);
        if (broadcast == null || broadcast.accountId() != account.value()
                || broadcast.target() == BroadcastTarget.PREVIEW) {
            throw new BusinessException(BroadcastError.UNKNOWN_BROADCAST, "no broadcast " + msgId);
        }
        return broadcast;
    }

    /**
     * {@code mass/delete}: only a news or video broadcast that was sent (spec §6.2); {@code article} 0 (or none) is
     * all of it, 1..n one article of a news.
     */
    public void delete(AccountId account, long msgId, int article) {
        Broadcast broadcast = get(account, msgId);
        em.lock(broadcast, LockModeType.PESSIMISTIC_WRITE);
        boolean news = "mpnews".equals(broadcast.msgType());
        if (!news && !"mpvideo".equals(broadcast.msgType())) {
            throw new BusinessException(BroadcastError.NOT_DELETABLE, "only news and video broadcasts are deleted");
        }
        if (broadcast.status() != BroadcastStatus.SEND_SUCCESS) {
            throw new BusinessException(BroadcastError.NOT_DELETABLE, "the broadcast is " + broadcast.status()
                    + "; only a sent one is deleted");
        }
        int articles = news ? JSON.createReader(new StringReader(broadcast.content())).readObject()
                .getJsonArray("articles").size() : 1;
        if (article < 0 || article > articles || !news && article > 0) {
            throw new BusinessException(BroadcastError.NOT_DELETABLE, "article_idx is 0 (all) or 1 to " + articles);
        }
        broadcast.delete(article, articles);
    }

    private Submitted submit(AccountId account, BroadcastTarget target, Long tagPk, JsonObject body,
            List<Long> list, Composer composer) {
        // the account's row is the lock that makes the day's quota and the clientmsgid exact
        OfficialAccount owner = em.find(OfficialAccount.class, account.value(), LockModeType.PESSIMISTIC_WRITE);
        if (target == BroadcastTarget.LIST && owner.type() == AccountType.SUBSCRIPTION) {
            throw new BusinessException(OfficialAccountError.API_UNAUTHORIZED,
                    "mass/send to an openid list is for service accounts; subscription accounts use sendall");
        }
        Instant now = clock.instant();
        String clientMsgId = composer == null ? clientMsgId(account, body, now) : null;
        BroadcastMessage message = checked(account, body);
        BroadcastCalendar calendar = BroadcastCalendar.of(owner.region());
        Instant at = composer == null || composer.sendAt() == null ? now : composer.sendAt();
        requireDayFree(owner, calendar.day(at));
        Broadcast broadcast = composer == null
                ? new Broadcast(rowIds.next(), account.value(), target, tagPk, message.msgType(),
                        message.content().toString(), clientMsgId, calendar.day(at), calendar.month(at),
                        speeds.level(account), now)
                : Broadcast.composed(rowIds.next(), account.value(), target, tagPk, message.msgType(),
                        message.content().toString(), calendar.day(at), calendar.month(at), speeds.level(account), now,
                        composer.personId(), composer.sendAt(), composer.needsApproval());
        em.persist(broadcast);
        fanOut.recordList(broadcast, list);
        if (broadcast.status() == BroadcastStatus.SENDING) {
            fanOut.begin(broadcast);
        }
        return new Submitted(broadcast.id(), message.newsId() != null);
    }

    /**
     * 45028 when a subscription account's broadcast of {@code day} is taken: by one sent or sending that day, or one
     * scheduled for it. The caller holds the account's row.
     */
    public void requireDayFree(OfficialAccount owner, int day) {
        if (owner.type() == AccountType.SUBSCRIPTION && em.createNamedQuery(Broadcast.COUNTED_ON_DAY, Long.class)
                .setParameter("accountId", owner.id()).setParameter("day", day)
                .setParameter("preview", BroadcastTarget.PREVIEW).setParameter("holding", BroadcastStatus.HOLDING_QUOTA)
                .getSingleResult() > 0) {
            throw new BusinessException(BroadcastError.NO_BROADCAST_QUOTA, "a subscription account sends one broadcast"
                    + " a day (" + BroadcastCalendar.of(owner.region()).zone() + "); day " + day + " is taken");
        }
    }

    /** 45067 over 64 bytes; 45066 when the same id came within the minute, 45065 (with its msg_id) after it. */
    private String clientMsgId(AccountId account, JsonObject body, Instant now) {
        String id = WeChatJson.string(body, "clientmsgid");
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_MSG_ID_BYTES) {
            throw new BusinessException(BroadcastError.CLIENT_MSG_ID_TOO_LONG,
                    "clientmsgid has at most " + MAX_CLIENT_MSG_ID_BYTES + " bytes");
        }
        Optional<Broadcast> earlier = em.createNamedQuery(Broadcast.BY_CLIENT_MSG_ID, Broadcast.class)
                .setParameter("accountId", account.value()).setParameter("clientMsgId", id).getResultStream()
                .findFirst();
        if (earlier.isPresent()) {
            if (now.isBefore(earlier.get().createdAt().plus(RETRY_WINDOW))) {
                throw new BusinessException(BroadcastError.CLIENT_MSG_ID_RETRIED, "clientmsgid " + id
                        + " was sent less than a minute ago");
            }
            throw new AlreadySent(earlier.get().id());
        }
        return id;
    }

    /** The message, with every media it names checked as the account's own and alive (40007 otherwise). */
    private BroadcastMessage checked(AccountId account, JsonObject body) {
        BroadcastMessage message = BroadcastMessage.read(body);
        message.media().forEach(use -> media.requireUsableByAccount(account, use.mediaId(), use.kind()));
        if (message.newsId() == null) {
            return message;
        }
        JsonArray articles = JSON.createReader(new StringReader(news.ofAccount(account, message.newsId()).articles()))
                .readArray();
        return new BroadcastMessage(message.msgType(), JSON.createObjectBuilder(message.content())
                .add("articles", articles).build(), message.media(), message.newsId());
    }
}
