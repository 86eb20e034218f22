package org.oaplatform.wechatapi.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.oaplatform.officialaccounts.boundary.AppSecretReset;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.control.OfficialAccountError;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.Sealer;
import org.oaplatform.wechatapi.control.WeChatApiError;
import org.oaplatform.wechatapi.entity.AccessToken.Kind;
import org.oaplatform.wechatapi.entity.AccessToken;

/**
 * Access tokens exactly as spec §1: {@code /cgi-bin/token} issues a new token each call and the previous one keeps
 * working for five minutes; {@code /cgi-bin/stable_token} hands out the same token until it nears expiry, or a new
 * one at once when forced (20 a day, 30 s apart). Tokens live in the database, so every instance of a cluster
 * sees them; a secret reset ends them all.
 */
@Stateless
public class AccessTokens {

    public static final String GRANT_TYPE = "client_credential";
    static final int TOKEN_DAILY_QUOTA = 2_000;
    static final int STABLE_TOKEN_DAILY_QUOTA = 500_000;
    static final int FORCED_REFRESH_DAILY_QUOTA = 20;
    static final Duration FORCED_REFRESH_SPACING = Duration.ofSeconds(30);
    /** A stable token this close to its expiry is renewed instead of handed out again. */
    static final Duration STABLE_RENEWAL = Duration.ofMinutes(5);
    private static final int TOKEN_BYTES = 96;

    public record Granted(String accessToken, long expiresIn) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ids ids;

    @Inject
    Sealer sealer;

    @Inject
    ApiQuotas quotas;

    @Inject
    OfficialAccounts accounts;

    @Inject
    TokenAdmission admission;

    @Inject
    TokenGrants grants;


    public Granted issue(String grantType, String appId, String secret) {
        OfficialAccount account = authenticate(grantType, appId, secret);
        quotas.consume(account.id(), "/cgi-bin/token", TOKEN_DAILY_QUOTA);
        lockForIssuing(account);
        Instant now = clock.instant();
        supersede(account, Kind.NORMAL, now);
        return grant(account, Kind.NORMAL, now);
    }

    public Granted stable(String grantType, String appId, String secret, boolean forceRefresh) {
        OfficialAccount account = authenticate(grantType, appId, secret);
        quotas.consume(account.id(), "/cgi-bin/stable_token", STABLE_TOKEN_DAILY_QUOTA);
        if (forceRefresh) {
            quotas.consume(account.id(), "/cgi-bin/stable_token#force_refresh", FORCED_REFRESH_DAILY_QUOTA);
        }
        lockForIssuing(account);
        Instant now = clock.instant();
        Optional<AccessToken> current = em.createNamedQuery(AccessToken.NEWEST_OF_KIND, AccessToken.class)
                .setParameter("accountId", account.id()).setParameter("kind", Kind.STABLE).setMaxResults(1)
                .getResultStream().findFirst();
        if (forceRefresh) {
            if (current.isPresent() && now.isBefore(current.get().issuedAt().plus(FORCED_REFRESH_SPACING))) {
                throw new BusinessException(WeChatApiError.TOO_FREQUENT,
                        "force_refresh calls must be at least 30 seconds apart");
            }
            current.ifPresent(t -> {
                t.end(now);
                grants.forget(t.tokenHash());
            });
            supersede(account, Kind.STABLE, now);
            return grant(account, Kind.STABLE, now);
        }
        if (current.isPresent() && current.get().stateAt(now.plus(STABLE_RENEWAL)) == AccessToken.State.VALID) {
            Optional<String> token = sealer.open(current.get().sealedValue());
            if (token.isPresent()) {
                return new Granted(token.get(), current.get().secondsLeftAt(now));
            }
        }
        supersede(account, Kind.STABLE, now);
        return grant(account, Kind.STABLE, now);
    }

    public ApiQuotas.Usage usage(long accountId, String api, int dailyLimit) {
        return quotas.usage(accountId, api, dailyLimit);
    }

    public void endAllTokens(@Observes AppSecretReset reset) {
        List<String> ending = em.createNamedQuery(AccessToken.HASHES_TO_END, String.class)
                .setParameter("accountId", reset.accountId()).setParameter("now", clock.instant()).getResultList();
        em.createNamedQuery(AccessToken.END_ALL).setParameter("accountId", reset.accountId())
                .setParameter("now", clock.instant()).executeUpdate();
        ending.forEach(grants::forget);
    }

    private OfficialAccount authenticate(String grantType, String appId, String secret) {
        if (appId == null || appId.isBlank()) {
            throw new BusinessException(WeChatApiError.APPID_MISSING);
        }
        if (secret == null || secret.isBlank()) {
            throw new BusinessException(WeChatApiError.SECRET_MISSING);
        }
        if (!GRANT_TYPE.equals(grantType)) {
            throw new BusinessException(WeChatApiError.INVALID_GRANT_TYPE);
        }
        OfficialAccount found = accounts.findByAppId(appId)
                .orElseThrow(() -> new BusinessException(OfficialAccountError.INVALID_APPID));
        if (!Hashing.constantTimeEquals(found.secretHash(), Hashing.sha256Hex(secret))) {
            throw new BusinessException(WeChatApiError.INVALID_APPSECRET);
        }
        admission.requireWhitelisted(found.admission());
        return found;
    }

    /**
     * One issuer at a time per account, so that "the newest token" is well defined under concurrent refreshes. Taken
     * after the quota: a quota reservation (its own transaction) inserts a row referencing the account, and would wait
     * for this lock forever.
     */
    private void lockForIssuing(OfficialAccount account) {
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
    }

    private void supersede(OfficialAccount account, Kind kind, Instant now) {
        List<String> superseded = em.createNamedQuery(AccessToken.HASHES_TO_SUPERSEDE, String.class)
                .setParameter("accountId", account.id()).setParameter("kind", kind).setParameter("now", now)
                .getResultList();
        em.createNamedQuery(AccessToken.SUPERSEDE).setParameter("accountId", account.id()).setParameter("kind", kind)
                .setParameter("now", now).executeUpdate();
        superseded.forEach(grants::forget);
    }

    private Granted grant(OfficialAccount account, Kind kind, Instant now) {
        String token = ids.token(TOKEN_BYTES);
        AccessToken accessToken = new AccessToken(account.id(), Hashing.sha256Hex(token), kind, now,
                kind == Kind.STABLE ? sealer.seal(token) : null);
        em.persist(accessToken);
        return new Granted(token, accessToken.secondsLeftAt(now));
    }
}
