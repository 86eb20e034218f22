package org.oaplatform.webhooks.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.media.boundary.Media;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.webhooks.control.DeliveryResult;
import org.oaplatform.webhooks.control.PushAttempt;
import org.oaplatform.webhooks.control.WebhookSettings;
import org.oaplatform.webhooks.entity.DeliveryAttempt;
import org.oaplatform.webhooks.entity.Push;
import org.oaplatform.webhooks.entity.PushState;

/**
 * Delivers one push: claim an attempt (a short transaction that leases the push to this instance), call the server
 * with no transaction open, record the attempt (another short transaction, which also hands a reply to the
 * conversation), and after a back-off claim the next one, until the push is delivered or out of attempts. Any
 * number of callers may race for the same push: the row lock and the attempt number let exactly one deliver each
 * attempt.
 */
@Stateless
public class PushDelivery {

    private static final Logger LOG = Logger.getLogger(PushDelivery.class.getName());
    /** Who holds a lease, for the operator's eyes; the attempt number is what fences. */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    /** A claimed attempt and everything needed to make it without the database. */
    public record Claim(long pushId, int attempt, String plainXml, PushAttempt.Target target) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    DeveloperServers servers;

    @Inject
    WebhookSettings settings;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    @Inject
    Event<PassiveReplyReceived> replies;

    @Inject
    Media media;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliver(long pushId) {
        PushDelivery self = context.getBusinessObject(PushDelivery.class);
        while (true) {
            Optional<Claim> claim = self.claim(pushId);
            if (claim.isEmpty()) {
                return;
            }
            DeliveryResult result = PushAttempt.run(settings.client(), claim.get().target(), claim.get().plainXml(),
                    clock.instant());
            Optional<Instant> next = self.record(claim.get(), result);
            if (next.isEmpty()) {
                return;
            }
            Duration pause = Duration.between(clock.instant(), next.get());
            if (!pause.isNegative() && !sleep(pause)) {
                return; // the timer picks it up once the back-off is over
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claim> claim(long pushId) {
        Push push = em.find(Push.class, pushId, LockModeType.PESSIMISTIC_WRITE);
        if (push == null) {
            return Optional.empty();
        }
        DeveloperServers.Channel channel = servers.channel(push.accountId());
        if (channel.unavailable() != null) {
            push.abandon(channel.unavailable());
            return Optional.empty();
        }
        int attempt = push.claim(INSTANCE, clock.instant());
        if (attempt == 0) {
            return Optional.empty();
        }
        OfficialAccount account = em.find(OfficialAccount.class, push.accountId());
        return Optional.of(new Claim(pushId, attempt, push.plainXml(), new PushAttempt.Target(channel.url(),
                channel.token(), channel.encodingAesKey(), channel.mode(), account.appId(), account.originalId(),
                push.openid(), push.replyArticles())));
    }

    /**
     * Logs the attempt and moves the push on; a reply goes to the conversation in this transaction.
     *
     * @return when to try again, or empty when the push is done (or no longer this attempt's)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Instant> record(Claim claim, DeliveryResult answered) {
        Push push = em.find(Push.class, claim.pushId(), LockModeType.PESSIMISTIC_WRITE);
        DeliveryResult result = withUsableMedia(answered, push.accountId());
        Instant now = clock.instant();
        DeliveryAttempt.Outcome outcome = !result.delivered() ? DeliveryAttempt.Outcome.FAILED
                : result.error() != null ? DeliveryAttempt.Outcome.REPLY_REFUSED : DeliveryAttempt.Outcome.DELIVERED;
        em.persist(new DeliveryAttempt(rowIds.next(), ids.publicId(DeliveryAttempt.ID_PREFIX), push, claim.attempt(),
                now, outcome, result.httpStatus(), result.latencyMs(), result.error(), result.maskedUrl(),
                result.loggedReply()));
        if (!push.isCurrent(claim.attempt())) {
            LOG.warning(() -> "push " + push.id() + " attempt " + claim.attempt() + " finished after its lease was"
                    + " taken over; logged only");
            return Optional.empty();
        }
        if (!result.delivered()) {
            push.attemptFailed(claim.attempt(), result.error(), now);
            return push.state() == PushState.PENDING ? Optional.of(push.nextAttemptAt()) : Optional.empty();
        }
        push.delivered(claim.attempt());
        result.reply().ifPresent(reply -> replies.fire(
                new PassiveReplyReceived(push.accountId(), push.openid(), push.id(), push.msgId(), reply)));
        return Optional.empty();
    }

    /** A media reply is delivered only when it names a living media of the account, of the reply's kind. */
    private DeliveryResult withUsableMedia(DeliveryResult result, long accountId) {
        return result.reply().flatMap(reply -> reply.content().shownMedia())
                .flatMap(shown -> media.refusalForAccount(new AccountId(accountId), shown.mediaId(),
                        MediaKind.ofWireName(shown.type()).orElseThrow()))
                .map(refused -> result.refused(DeliveryResult.describe(refused))).orElse(result);
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
