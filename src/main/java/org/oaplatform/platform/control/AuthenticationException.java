package org.oaplatform.platform.control;

/** The caller's credentials are missing, wrong, or expired. */
public class AuthenticationException extends BusinessException {

    public AuthenticationException(ErrorCode code) {
        super(code);
    }

    public AuthenticationException(ErrorCode code, String message) {
        super(code, message);
    }
}
