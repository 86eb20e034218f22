package org.oaplatform.accounts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;
import org.oaplatform.accounts.entity.ActiveSession;
import org.oaplatform.accounts.entity.Session;
import org.oaplatform.platform.control.GridCache;

/**
 * Unrevoked bearer sessions by token hash, cached in the data grid so that an authenticated request reads no session
 * row. Revocation and logout forget the entry on every instance at once; expiry needs no forgetting, since the
 * session carries its end and {@link Sessions#resolve} checks it against the clock.
 */
@ApplicationScoped
public class BearerSessions {

    /** How long an entry stays in the grid (sessions live for days; a miss costs one read). */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    private GridCache<String, ActiveSession> cache;

    @PostConstruct
    void openCache() {
        cache = GridCache.open("oaplatform.bearer-sessions.v2", LIFETIME, ActiveSession.GRID);
    }

    Optional<ActiveSession> byHash(String tokenHash) {
        return cache.get(tokenHash, hash -> em.createNamedQuery(Session.BY_TOKEN_HASH, Session.class)
                .setParameter("hash", hash).getResultStream().findFirst().flatMap(Session::active));
    }

    /** Called inside the transaction that revokes the session; forgets again once it committed. */
    void forget(String tokenHash) {
        cache.forget(tokenHash);
    }
}
