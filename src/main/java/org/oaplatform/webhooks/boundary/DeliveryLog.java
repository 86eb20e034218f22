package org.oaplatform.webhooks.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.webhooks.control.WebhookError;
import org.oaplatform.webhooks.entity.DeliveryAttempt;
import org.oaplatform.webhooks.entity.Push;
import org.oaplatform.webhooks.entity.PushState;

/**
 * The delivery log as an account's members read it (newest attempt first, keyset-paged by the attempt's public id)
 * and the replay of a push from it. WeChat has no such log; operators need it to see why their server hears nothing.
 */
@Stateless
public class DeliveryLog {

    public static final int MAX_PAGE = 100;

    /** One page, and the attempt to continue before ({@code null} on the last page). */
    public record Page(List<Entry> entries, String nextBefore) {
    }

    /** An attempt with the state its push is in now. */
    public record Entry(DeliveryAttempt attempt, PushState pushState, Long msgId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    OfficialAccounts accounts;

    @Inject
    Pushes pushes;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public Page page(long personId, String appId, String before, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "a page has 1 to " + MAX_PAGE + " entries");
        }
        OfficialAccount account = accounts.requireMember(personId, appId).account();
        long beforeId = before == null || before.isBlank() ? Long.MAX_VALUE : attempt(account, before).id();
        List<DeliveryAttempt> rows = em.createNamedQuery(DeliveryAttempt.PAGE, DeliveryAttempt.class)
                .setParameter("accountId", account.id()).setParameter("beforeId", beforeId).setMaxResults(size + 1)
                .getResultList();
        List<Entry> entries = rows.stream().limit(size).map(a -> {
            Push push = em.find(Push.class, a.pushId());
            return new Entry(a, push.state(), push.msgId());
        }).toList();
        return new Page(entries, rows.size() > size ? rows.get(size - 1).publicId() : null);
    }

    /** Sends the attempt's push again: the same XML and MsgId, a fresh set of attempts. */
    public Push replay(long personId, String appId, String attemptId) {
        OfficialAccount account = accounts.requireMember(personId, appId).account();
        DeliveryAttempt attempt = attempt(account, attemptId);
        Push push = em.find(Push.class, attempt.pushId(), LockModeType.PESSIMISTIC_WRITE);
        if (!push.replay(clock.instant())) {
            throw new BusinessException(WebhookError.PUSH_IN_FLIGHT, "attempt " + push.attempts()
                    + " is on its way; replay it after it ended");
        }
        pushes.enqueue(push.id());
        audit.record("webhook.replay", "app:" + appId, attemptId);
        return push;
    }

    private DeliveryAttempt attempt(OfficialAccount account, String publicId) {
        if (!Ids.isPublicId(DeliveryAttempt.ID_PREFIX, publicId)) {
            throw unknown();
        }
        return em.createNamedQuery(DeliveryAttempt.BY_PUBLIC_ID, DeliveryAttempt.class)
                .setParameter("publicId", publicId).setParameter("accountId", account.id()).getResultStream()
                .findFirst().orElseThrow(DeliveryLog::unknown);
    }

    private static BusinessException unknown() {
        return new BusinessException(PlatformError.NOT_FOUND, "no such delivery");
    }
}
