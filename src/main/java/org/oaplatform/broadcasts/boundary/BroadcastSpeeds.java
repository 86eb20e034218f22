package org.oaplatform.broadcasts.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.oaplatform.broadcasts.control.BroadcastSpeed;
import org.oaplatform.officialaccounts.entity.AccountId;

/** An account's mass-send speed ({@code mass/speed/get|set}); a broadcast keeps the level it started with. */
@Stateless
public class BroadcastSpeeds {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int level(AccountId account) {
        List<?> rows = em.createNativeQuery("SELECT speed FROM broadcast_speed WHERE account_id = ?")
                .setParameter(1, account.value()).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    public void set(AccountId account, Integer requested) {
        int level = BroadcastSpeed.level(requested);
        em.createNativeQuery("INSERT INTO broadcast_speed (account_id, speed) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE speed = VALUES(speed)").setParameter(1, account.value())
                .setParameter(2, level).executeUpdate();
    }
}
