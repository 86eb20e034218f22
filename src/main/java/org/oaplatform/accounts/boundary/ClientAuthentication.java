package org.oaplatform.accounts.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.oaplatform.accounts.entity.ActiveSession;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.RequestContext;

/**
 * Reads {@code Authorization: Bearer <token>} on the client API. A request without the header stays anonymous
 * (resources that need a person ask {@link CurrentPerson#id()}); a request with a bad token is refused outright,
 * so that a client never mistakes an expired session for anonymous access.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ClientAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Sessions sessions;

    @Inject
    CurrentPerson currentPerson;

    @Inject
    RequestContext requestContext;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw invalid();
        }
        String token = header.substring(BEARER.length()).trim();
        ActiveSession session = sessions.resolve(token).orElseThrow(ClientAuthentication::invalid);
        currentPerson.authenticated(session.personId(), session.sessionId());
        requestContext.actingAs("person:" + session.personId());
    }

    private static BusinessException invalid() {
        return new BusinessException(PlatformError.UNAUTHENTICATED, "the session token is invalid, expired or revoked");
    }
}
