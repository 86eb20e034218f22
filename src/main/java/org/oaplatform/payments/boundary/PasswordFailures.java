package org.oaplatform.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.oaplatform.payments.entity.Wallet;
import org.oaplatform.platform.boundary.AuditLog;

/**
 * Counts a wrong payment password in a transaction of its own, since the request that tried it fails and rolls
 * back. The wallet row is locked for the count, so concurrent wrong tries each count. The caller must not hold the
 * wallet row locked itself (it would wait on its own lock).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PasswordFailures {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    /** @return the wallet after counting the try: locked, or with the failures so far */
    public Wallet record(long personId, Instant now) {
        Wallet wallet = em.find(Wallet.class, personId, LockModeType.PESSIMISTIC_WRITE);
        if (wallet.passwordRejected(now)) {
            audit.record("payment-password.locked", "person:" + personId, "until " + wallet.passwordLockedUntil());
        } else {
            audit.record("payment-password.wrong", "person:" + personId,
                    wallet.passwordFailures() + " of " + Wallet.MAX_PASSWORD_FAILURES);
        }
        return wallet;
    }
}
