package org.oaplatform.merchants.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.merchants.entity.TradeState;
import org.oaplatform.platform.control.DueWork;

/**
 * Every order ends (spec payments §1.7, "closed loop"): one nobody paid is CLOSED when its time is over, at its
 * {@code time_expire} or {@link MerchantOrder#UNPAID_LIFETIME} after it was placed, as if the merchant had closed it.
 * Each in a transaction of its own under the order's lock, so a payment at the same moment either comes first (and the
 * order is paid) or finds it closed.
 */
@Stateless
public class UnpaidOrders {

    private static final Logger LOG = Logger.getLogger(UnpaidOrders.class.getName());
    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*", second = "40", persistent = true, info = "unpaid-orders-close")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void closeOnSchedule() {
        closePastTheirTime();
    }

    /** @return how many orders ended CLOSED */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int closePastTheirTime() {
        Instant now = clock.instant();
        UnpaidOrders self = context.getBusinessObject(UnpaidOrders.class);
        return DueWork.inBatches(BATCH, limit -> em.createNamedQuery(MerchantOrder.UNPAID_PAST_ITS_TIME, Long.class)
                .setParameter("notPay", TradeState.NOTPAY).setParameter("now", now).setMaxResults(limit)
                .getResultList(), id -> self.close(id, now), LOG, "unpaid order past its time");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean close(long orderId, Instant now) {
        return em.find(MerchantOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE).closeIfUnpaidAt(now);
    }
}
