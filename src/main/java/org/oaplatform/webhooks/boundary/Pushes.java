package org.oaplatform.webhooks.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.webhooks.control.PushHeader;
import org.oaplatform.webhooks.entity.Push;
import org.oaplatform.webhooks.entity.PushState;

/**
 * Pushes to developer servers, from the moment something happened to its delivery. {@link #record} is what other
 * components call, inside the transaction that records what the follower did: the push row and its queue message
 * commit with it or not at all (Payara commits the non-XA database last). The message-driven
 * {@link PushListener} then delivers outside any transaction ({@link PushDelivery}); a timer sends again whatever is
 * due and has no message on its way (a lost message, an instance that died with a lease).
 */
@Stateless
public class Pushes {

    public static final String QUEUE = "jms/oaplatform/WebhookDeliveries";
    /** The property that marks our messages on the queue (the listener selects by it). */
    static final String PUSH_ID = "pushId";
    private static final Logger LOG = Logger.getLogger(Pushes.class.getName());
    private static final int MAX_DUE_PER_RUN = 1000;
    /**
     * How long a pending push may wait for its queue message before the timer sends another: a fresh push is due at
     * once, and its message is usually on its way.
     */
    private static final Duration QUEUE_GRACE = Duration.ofSeconds(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    DeveloperServers servers;

    @Inject
    TimeOrderedIds rowIds;

    @Inject
    Clock clock;

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Resource
    SessionContext context;

    /**
     * Records a push of what a follower did, when the account has an enabled developer server.
     *
     * @return the push's id, or empty when the account is not in developer mode
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<Long> record(FollowerAction action) {
        if (!servers.pushesEnabled(action.accountId())) {
            return Optional.empty();
        }
        OfficialAccount account = em.find(OfficialAccount.class, action.accountId());
        PushHeader header = new PushHeader(account.originalId(), action.openid(), action.at());
        Push push = new Push(rowIds.next(), action.accountId(), action.openid(), action.kind(), action.msgId(),
                action.at().getEpochSecond(), action.replyArticles(), action.xml().apply(header), clock.instant());
        em.persist(push);
        enqueue(push.id());
        return Optional.of(push.id());
    }

    /** Joins the caller's transaction: the message leaves when it commits. */
    public void enqueue(long pushId) {
        jms.createProducer().setProperty(PUSH_ID, pushId).send(queue, Long.toString(pushId));
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = true, info = "webhook-push-recovery")
    void recoverOnSchedule() {
        recoverDue();
    }

    /**
     * Sends every due push to the queue again: pending ones whose back-off is over (their message was lost, or the
     * instance that slept through the back-off stopped) and leased ones whose lease ran out. A push that already has
     * a message waiting gets a second one; the claim lets only one of them deliver.
     */
    public int recoverDue() {
        Instant now = clock.instant();
        List<Long> due = em.createNamedQuery(Push.DUE, Long.class).setParameter("pending", PushState.PENDING)
                .setParameter("pendingBefore", now.minus(QUEUE_GRACE)).setParameter("inFlight", PushState.IN_FLIGHT)
                .setParameter("now", now).setMaxResults(MAX_DUE_PER_RUN).getResultList();
        Pushes self = context.getBusinessObject(Pushes.class);
        int recovered = DueWork.each(due, self::recover, LOG, "recovery of push");
        if (recovered > 0) {
            LOG.info(() -> recovered + " push(es) sent to the delivery queue again");
        }
        return recovered;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recover(long pushId) {
        Push push = em.find(Push.class, pushId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (push == null || push.giveUpIfLastLeaseLost(now)) {
            return push != null;
        }
        boolean due = push.state() == PushState.PENDING && !push.nextAttemptAt().isAfter(now.minus(QUEUE_GRACE))
                || push.state() == PushState.IN_FLIGHT && !push.leaseUntil().isAfter(now);
        if (due) {
            enqueue(pushId);
        }
        return due;
    }
}
