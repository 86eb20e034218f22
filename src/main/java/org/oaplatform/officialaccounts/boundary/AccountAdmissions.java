package org.oaplatform.officialaccounts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.officialaccounts.control.OfficialAccountError;
import org.oaplatform.officialaccounts.entity.AccountAdmission;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.GridCache;

/**
 * Official accounts as API admission sees them, cached in the data grid: every {@code /cgi-bin} call needs one, and
 * they change rarely. Whatever changes an account's type, verification or whitelist forgets its entry, on every
 * instance at once. Hits read nothing; a miss reads the account in a transaction of its own (see {@link #load}).
 */
@ApplicationScoped
public class AccountAdmissions {

    /** How long an unchanged entry stays in the grid; changes forget it at once. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private GridCache<Long, AccountAdmission> cache;

    @PostConstruct
    void openCache() {
        cache = GridCache.open("oaplatform.account-admissions.v2", LIFETIME, AccountAdmission.GRID);
    }

    /** Through the container, so that {@link #load} runs in a transaction; see there. */
    @Inject
    AccountAdmissions self;

    public Optional<AccountAdmission> of(long accountId) {
        return cache.get(accountId, self::load);
    }

    /**
     * A miss reads the account in a short transaction (or the caller's). Outside one, the container would open a
     * non-transactional EntityManager owned by the web request, and Payara's data grid, which carries the request's
     * context onto its own threads, closes that EntityManager after the next grid operation: the one after that then
     * fails on a closed EntityManager. Hits, almost every call, touch neither.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<AccountAdmission> load(long accountId) {
        return Optional.ofNullable(em.find(OfficialAccount.class, accountId)).map(OfficialAccount::admission);
    }

    /** Asks the capability policy on behalf of an API call; refusal is WeChat's 48001. */
    public void requireCapability(AccountAdmission account, Capability capability) {
        if (!account.allows(capability, clock.instant())) {
            throw new BusinessException(OfficialAccountError.API_UNAUTHORIZED,
                    "api unauthorized: " + capability + " needs another account type or verification");
        }
    }

    /** Called inside the transaction that changes the account; forgets again once it committed. */
    void forget(long accountId) {
        cache.forget(accountId);
    }
}
