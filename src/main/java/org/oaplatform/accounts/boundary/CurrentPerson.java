package org.oaplatform.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

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

    /** @throws BusinessException when the request carries no valid session */
    public long id() {
        if (personId == null) {
            throw new BusinessException(PlatformError.UNAUTHENTICATED,
                    "this request needs a session: send Authorization: Bearer <token>");
        }
        return personId;
    }

    long sessionId() {
        id();
        return sessionId;
    }
}
