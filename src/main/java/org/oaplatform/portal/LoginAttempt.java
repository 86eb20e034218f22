package org.oaplatform.portal;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.oaplatform.platform.control.ErrorCode;

/**
 * Why the identity store refused the login of the current request (wrong password, or too many failures), which
 * Jakarta Security itself reduces to "failed", so that the login page can tell the two apart.
 */
@RequestScoped
public class LoginAttempt {

    private ErrorCode refusal;

    public void refused(ErrorCode reason) {
        refusal = reason;
    }

    public Optional<ErrorCode> refusal() {
        return Optional.ofNullable(refusal);
    }
}
