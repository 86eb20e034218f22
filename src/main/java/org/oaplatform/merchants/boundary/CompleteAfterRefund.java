package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Finishes an accepted refund once its acceptance committed, so that the merchant's call is answered before the
 * refund is SUCCESS, as WeChat's protocol has it. If this is lost, the refund stays PROCESSING in the database and
 * {@link MerchantRefunds}' timer finishes it.
 */
@ApplicationScoped
public class CompleteAfterRefund {

    @Inject
    MerchantRefunds refunds;

    void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RefundAccepted accepted) {
        refunds.completeSoon(accepted.refundId());
    }
}
