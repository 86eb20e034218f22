package org.oaplatform.wechatapi.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.oaplatform.officialaccounts.boundary.AccountAdmissions;
import org.oaplatform.officialaccounts.entity.AccountAdmission;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.RequestContext;
import org.oaplatform.wechatapi.control.WeChatApiError;
import org.oaplatform.wechatapi.entity.TokenGrant;

/**
 * Checks a {@code /cgi-bin} call's token, IP, capability and quota before the endpoint runs. A CDI bean, not an EJB:
 * it reads the data grid and writes nothing in a transaction of its own (a quota whose lease ran out reserves its
 * next block through {@code QuotaReservations}), so an EJB's invocation, security and transaction interceptors would
 * be pure cost on every call (issue 12's profile). The endpoint's transaction is the request's only one.
 */
@ApplicationScoped
public class TokenAdmission {

    @Inject
    Clock clock;

    @Inject
    AccountAdmissions admissions;

    @Inject
    TokenGrants grants;

    @Inject
    ApiQuotas quotas;

    @Inject
    RequestContext request;

    /** @return the calling account */
    public AccountAdmission admit(String token, CgiEndpoint endpoint) {
        if (token == null || token.isBlank()) {
            throw new BusinessException(WeChatApiError.ACCESS_TOKEN_MISSING);
        }
        Instant now = clock.instant();
        TokenGrant grant = grants.byHash(Hashing.sha256Hex(token))
                .orElseThrow(() -> new BusinessException(WeChatApiError.INVALID_CREDENTIAL));
        switch (grant.stateAt(now)) {
            case EXPIRED -> throw new BusinessException(WeChatApiError.ACCESS_TOKEN_EXPIRED);
            case SUPERSEDED -> throw new BusinessException(WeChatApiError.INVALID_CREDENTIAL);
            case VALID -> {
            }
        }
        AccountAdmission account = admissions.of(grant.accountId())
                .orElseThrow(() -> new BusinessException(WeChatApiError.INVALID_CREDENTIAL));
        requireWhitelisted(account);
        admissions.requireCapability(account, endpoint.capability());
        quotas.consume(account.accountId(), endpoint.path(), endpoint.dailyQuota());
        request.actingAs("app:" + account.appId());
        return account;
    }

    /** The account's IP whitelist, for API calls and for fetching tokens alike (40164 otherwise). */
    public void requireWhitelisted(AccountAdmission account) {
        String address = request.remoteAddress();
        if (!account.acceptsCallsFrom(address)) {
            throw new BusinessException(WeChatApiError.IP_NOT_WHITELISTED,
                    "invalid ip " + address + ", not in whitelist");
        }
    }
}
