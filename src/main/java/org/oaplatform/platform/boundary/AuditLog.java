package org.oaplatform.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.oaplatform.platform.control.RequestContext;
import org.oaplatform.platform.entity.AuditEntry;

/**
 * The audit trail of security-relevant actions. {@link #record} joins the caller's transaction, so an action
 * that rolls back leaves no trace of having happened; {@link #recordAttempt} commits on its own, for failed
 * attempts (wrong codes, rejected logins) that must be remembered although the request fails.
 */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RequestContext request;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String action, String target, String detail) {
        em.persist(entry(action, target, detail));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAttempt(String action, String target, String detail) {
        em.persist(entry(action, target, detail));
    }

    public List<AuditEntry> about(String target) {
        return em.createNamedQuery(AuditEntry.BY_TARGET, AuditEntry.class).setParameter("target", target)
                .getResultList();
    }

    private AuditEntry entry(String action, String target, String detail) {
        return new AuditEntry(clock.instant(), request.actor(), action, target, detail, request.remoteAddress(),
                request.correlationId());
    }
}
