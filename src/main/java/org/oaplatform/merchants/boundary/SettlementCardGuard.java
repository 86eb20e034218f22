package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.oaplatform.merchants.control.MerchantError;
import org.oaplatform.merchants.entity.Merchant;
import org.oaplatform.payments.boundary.BankCardRemoval;
import org.oaplatform.platform.control.BusinessException;

/**
 * A card that a merchant's settlements are paid to stays linked: once removed, the bank's token would still be paid to
 * by the next settlement. The owner names another card first ({@code PUT …/merchant/settlement-card}).
 */
@ApplicationScoped
public class SettlementCardGuard {

    @PersistenceContext
    EntityManager em;

    void refuseWhileSettledTo(@Observes BankCardRemoval removal) {
        // A locking read: the removal holds the card's lock, so a change of settlement card to it committed just
        // before is seen here even though this transaction's snapshot is older.
        List<String> merchants = em.createNamedQuery(Merchant.SETTLED_TO, Merchant.class)
                .setParameter("cardId", removal.cardId()).setLockMode(LockModeType.PESSIMISTIC_READ).getResultStream()
                .map(Merchant::mchId).toList();
        if (!merchants.isEmpty()) {
            throw new BusinessException(MerchantError.SETTLEMENT_CARD_IN_USE, "settlements of mch_id "
                    + String.join(", ", merchants) + " are paid to this card; name another settlement card first");
        }
    }
}
