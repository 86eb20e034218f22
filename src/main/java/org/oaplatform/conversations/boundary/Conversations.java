package org.oaplatform.conversations.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.oaplatform.conversations.control.AccountReplies;
import org.oaplatform.conversations.control.ConversationError;
import org.oaplatform.conversations.control.FollowerMessage;
import org.oaplatform.conversations.entity.Conversation;
import org.oaplatform.conversations.entity.ConversationMessage;
import org.oaplatform.conversations.entity.Direction;
import org.oaplatform.conversations.entity.MessageSource;
import org.oaplatform.conversations.entity.MessageType;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.media.entity.StoredMedia;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.InstantConverter;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Settings;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.webhooks.boundary.FollowerAction;
import org.oaplatform.webhooks.boundary.PassiveReplyReceived;
import org.oaplatform.webhooks.boundary.Pushes;
import org.oaplatform.webhooks.control.PushXml;

/**
 * Writing in conversations: a follower's messages and location reports (each pushed to the account's developer
 * server in the same transaction), and the account's answers. Reading is {@link ConversationReading}.
 */
@Stateless
public class Conversations {

    @PersistenceContext
    EntityManager em;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Followers followers;

    @Inject
    Pushes pushes;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Clock clock;

    @Inject
    Event<FollowerMessageReceived> received;

    @Inject
    Media media;

    @Inject
    Settings settings;

    /** A follower's message: stored, then pushed and announced unless the follower is blacklisted. */
    public ConversationMessage send(long personId, String appId, FollowerMessage.Fields fields) {
        FollowerMessage checked = FollowerMessage.of(fields);
        Follower follower = follower(personId, appId);
        FollowerMessage message = checked instanceof FollowerMessage.MediaMessage sent
                ? withOwnMedia(personId, follower, sent) : checked;
        Conversation conversation = conversation(follower);
        Instant now = clock.instant();
        ConversationMessage stored = add(conversation, Direction.IN, message.type(), message.json(),
                follower.blacklisted(), MessageSource.FOLLOWER, now);
        if (!follower.blacklisted()) {
            long msgId = stored.id();
            pushes.record(FollowerAction.message(follower.accountId(), follower.openid(), message.type().wireName(),
                    msgId, now, header -> message.pushXml(header, msgId)));
            received.fire(new FollowerMessageReceived(follower.accountId(), personId, follower.id(),
                    follower.openid(), msgId, message.type(), now));
        }
        return stored;
    }

    /**
     * A follower sends only media of their own, of the message's kind; the account may then read it
     * ({@code media/get}), unless the follower is blacklisted and the message withheld.
     */
    private FollowerMessage.MediaMessage withOwnMedia(long personId, Follower follower,
            FollowerMessage.MediaMessage message) {
        StoredMedia stored = media.requireOwnedByPerson(personId, message.mediaId(),
                MediaKind.ofWireName(message.kind()).orElseThrow());
        if (!follower.blacklisted()) {
            media.grantToAccount(message.mediaId(), new AccountId(follower.accountId()));
        }
        // WeChat's PicUrl is a public CDN address; ours is media/get, which the developer server calls with its token
        String picUrl = settings.publicUrl() + "/cgi-bin/media/get?media_id=" + message.mediaId();
        return message.with(new FollowerMessage.StoredMediaFacts(picUrl, stored.format().extension()));
    }

    /** A follower's phone reports where it is (the LOCATION event); nothing is stored in the conversation. */
    public void reportLocation(long personId, String appId, Double latitude, Double longitude, Double precision) {
        double lat = FollowerMessage.coordinate(latitude, "latitude", 90);
        double lon = FollowerMessage.coordinate(longitude, "longitude", 180);
        double accuracy = precision == null ? 0 : precision;
        if (!(accuracy >= 0 && accuracy <= 1_000_000)) {
            throw new BusinessException(ConversationError.INVALID_MESSAGE, "precision is metres, 0 or more");
        }
        Follower follower = follower(personId, appId);
        if (!follower.blacklisted()) {
            pushes.record(FollowerAction.event(follower.accountId(), follower.openid(), "LOCATION", clock.instant(),
                    header -> PushXml.locationReport(header, lat, lon, accuracy)));
        }
    }

    /**
     * Seam for whatever answers a follower (the service window's custom messages, auto-replies): stores the account's
     * message in the person's conversation, unread until they open it. The caller checked that the account may send a
     * media it names; the person may read that media from now on.
     */
    public ConversationMessage recordOutgoing(AccountId account, String openid, MessageType type, JsonObject content,
            MessageSource source) {
        Follower follower = followers.findOfAccount(account, openid)
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such follower"));
        ConversationMessage message = add(conversation(follower), Direction.OUT, type, content, false, source,
                clock.instant());
        AccountReplies.mediaId(type, content).ifPresent(mediaId -> media.grantToPerson(mediaId, follower.personId()));
        return message;
    }

    /** A developer server's passive reply, in the transaction that records its delivery. */
    public void passiveReply(@Observes PassiveReplyReceived reply) {
        if (followers.findOfAccount(new AccountId(reply.accountId()), reply.openid()).isEmpty()) {
            return; // a reply to a push from nobody's conversation (mphelper's MASSSENDJOBFINISH) goes nowhere
        }
        AccountReplies.Stored stored = AccountReplies.of(reply.reply().content());
        // the account's id comes from the push row that this component's own message recorded
        recordOutgoing(new AccountId(reply.accountId()), reply.openid(), stored.type(), stored.content(),
                MessageSource.PASSIVE_REPLY);
    }

    private ConversationMessage add(Conversation conversation, Direction direction, MessageType type,
            JsonObject content, boolean withheld, MessageSource source, Instant now) {
        ConversationMessage message = new ConversationMessage(rowIds.next(), conversation.id(), direction, type,
                content.toString(), withheld, source, now);
        em.persist(message);
        conversation.added(message);
        return message;
    }

    /** The person's follower record for the account; only a current follower may write. */
    private Follower follower(long personId, String appId) {
        OfficialAccount account = accounts.findByAppId(appId)
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "no such official account"));
        return followers.findOfPerson(personId, account.accountId()).filter(Follower::subscribed)
                .orElseThrow(() -> new BusinessException(ConversationError.NOT_A_FOLLOWER));
    }

    /** The conversation, made on first use, locked: its last message and unread count change with every message. */
    private Conversation conversation(Follower follower) {
        em.createNativeQuery("INSERT INTO conversation (id, account_id, person_id, openid, last_message_at,"
                + " unread_by_person) VALUES (?, ?, ?, ?, ?, 0) ON DUPLICATE KEY UPDATE id = id")
                .setParameter(1, rowIds.next()).setParameter(2, follower.accountId())
                .setParameter(3, follower.personId()).setParameter(4, follower.openid())
                .setParameter(5, InstantConverter.utc(clock.instant())).executeUpdate();
        return em.createNamedQuery(Conversation.OF, Conversation.class).setParameter("accountId", follower.accountId())
                .setParameter("personId", follower.personId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }
}
