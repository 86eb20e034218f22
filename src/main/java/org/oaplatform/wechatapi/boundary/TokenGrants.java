package org.oaplatform.wechatapi.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import org.oaplatform.platform.control.GridCache;
import org.oaplatform.wechatapi.entity.AccessToken;
import org.oaplatform.wechatapi.entity.TokenGrant;

/**
 * Access tokens by hash, as admission needs them, cached in the data grid so that a {@code /cgi-bin} call reads no
 * token row. Whatever supersedes or ends a token forgets its entry on every instance at once; expiry needs no
 * forgetting, since a grant carries its end and admission checks it against the clock.
 */
@ApplicationScoped
public class TokenGrants {

    /** How long an entry stays in the grid (a token lives two hours; a miss costs one read). */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    private GridCache<String, TokenGrant> cache;

    @PostConstruct
    void openCache() {
        cache = GridCache.open("oaplatform.token-grants.v2", LIFETIME, TokenGrant.GRID);
    }

    /** Through the container, so that {@link #load} runs in a transaction (see {@code AccountAdmissions.load}). */
    @Inject
    TokenGrants self;

    Optional<TokenGrant> byHash(String tokenHash) {
        return cache.get(tokenHash, self::load);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    Optional<TokenGrant> load(String tokenHash) {
        return em.createNamedQuery(AccessToken.BY_HASH, AccessToken.class).setParameter("hash", tokenHash)
                .getResultStream().findFirst().map(AccessToken::grant);
    }

    /** Called inside the transaction that changes the token; forgets again once it committed. */
    void forget(String tokenHash) {
        cache.forget(tokenHash);
    }
}
