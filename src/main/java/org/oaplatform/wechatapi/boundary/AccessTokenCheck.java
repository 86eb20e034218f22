package org.oaplatform.wechatapi.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import org.oaplatform.officialaccounts.entity.AccountAdmission;

/** Admits calls to {@link CgiEndpoint} methods: token, whitelist, capability and quota, before the method runs. */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Inject
    TokenAdmission admission;

    @Inject
    CallingAccount callingAccount;

    @Override
    public void filter(ContainerRequestContext request) {
        CgiEndpoint endpoint = resourceInfo.getResourceMethod().getAnnotation(CgiEndpoint.class);
        if (endpoint == null) {
            return;
        }
        String token = request.getUriInfo().getQueryParameters().getFirst("access_token");
        AccountAdmission account = admission.admit(token, endpoint);
        callingAccount.admitted(account.accountId(), account.appId());
    }
}
