package org.oaplatform.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.oaplatform.platform.control.AuthenticationException;
import org.oaplatform.platform.control.ErrorCode;

/** The person the current client-API request is authenticated as, if any. */
@RequestScoped
public class CurrentPerson {

    private Long personId;
    private Long sessionId;

    void authenticated(long personId, long sessionId) {
        this.personId = personId;
        this.sessionId = sessionId;
    }

    public boolean isPresent() {
        return personId != null;
    }

    /** @throws AuthenticationException when the request carries no valid session */
    public long id() {
        if (personId == null) {
            throw new AuthenticationException(ErrorCode.UNAUTHENTICATED,
                    "this request needs a session: send Authorization: Bearer <token>");
        }
        return personId;
    }

    long sessionId() {
        id();
        return sessionId;
    }
}
