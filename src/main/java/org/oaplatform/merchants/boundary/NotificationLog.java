package org.oaplatform.merchants.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oaplatform.merchants.control.MerchantError;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.MerchantRefund;
import org.oaplatform.merchants.entity.PayNotification;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;

/**
 * A merchant's notification log (payments' and refunds'), newest first, and replay: a notification the merchant
 * missed (given up, or delivered to a server that lost it) is made due again now and sent after the commit, then on
 * WeChat's schedule as a new round; one whose attempt is in flight is left to it.
 */
@Stateless
public class NotificationLog {

    public record Entry(long id, String kind, String outTradeNo, String outRefundNo, PayNotification.State state,
            int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String lastError) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Merchants merchants;

    @Inject
    AuditLog audit;

    @Inject
    Event<NotificationOwed> owed;

    /** A page of the log for the merchant's owner or admins, before the entry with id {@code before} (or newest). */
    public List<Entry> page(long personId, String appid, Long before, int limit) {
        Merchant merchant = merchants.require(personId, appid, MemberRole.OWNER, MemberRole.ADMIN);
        return em.createNamedQuery(PayNotification.OF_MERCHANT, PayNotification.class)
                .setParameter("merchantId", merchant.id()).setParameter("before", before == null ? Long.MAX_VALUE
                        : before)
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultStream().map(this::entry).toList();
    }

    /** @return whether the notification is due again (false while an attempt is in flight) */
    public boolean replay(long personId, String appid, long notificationId) {
        Merchant merchant = merchants.require(personId, appid, MemberRole.OWNER, MemberRole.ADMIN);
        PayNotification notification = em.find(PayNotification.class, notificationId,
                LockModeType.PESSIMISTIC_WRITE);
        if (notification == null
                || em.find(MerchantOrder.class, notification.orderId()).merchantId() != merchant.id()) {
            throw new BusinessException(MerchantError.ORDER_UNKNOWN, "no such notification of this merchant");
        }
        if (!notification.replay(clock.instant())) {
            return false;
        }
        audit.record("merchant.notification-replayed", "app:" + appid, "notification " + notificationId);
        owed.fire(new NotificationOwed(notificationId));
        return true;
    }

    private Entry entry(PayNotification n) {
        MerchantOrder order = em.find(MerchantOrder.class, n.orderId());
        String outRefundNo = n.refundId().map(id -> em.find(MerchantRefund.class, id).outRefundNo()).orElse(null);
        return new Entry(n.id(), n.refundId().isPresent() ? "REFUND" : "PAYMENT", order.outTradeNo(), outRefundNo,
                n.state(), n.attempts(), n.createdAt(), n.nextAttemptAt(), n.deliveredAt(), n.lastError());
    }
}
