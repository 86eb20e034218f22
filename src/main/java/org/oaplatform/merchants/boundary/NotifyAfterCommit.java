package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Starts a notification once the transaction that owed it committed (never inside it, which would hold the order's
 * and the accounts' locks through an HTTP call). If this is lost (a crash right after the commit), the notification
 * is still due in the database and the timer sends it.
 */
@ApplicationScoped
public class NotifyAfterCommit {

    @Inject
    PayNotifications notifications;

    void owed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationOwed owed) {
        notifications.deliverSoon(owed.notificationId());
    }
}
