package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Starts a payment's notification once the payment committed (never inside its transaction, which would hold the
 * order's and the accounts' locks through an HTTP call). If this is lost (a crash right after the commit), the
 * notification is still due in the database and the timer sends it.
 */
@ApplicationScoped
public class NotifyAfterPayment {

    @Inject
    PayNotifications notifications;

    void paid(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderPaid paid) {
        notifications.deliverSoon(paid.notificationId());
    }
}
