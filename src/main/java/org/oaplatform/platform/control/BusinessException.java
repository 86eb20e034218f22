package org.oaplatform.platform.control;

import jakarta.ejb.ApplicationException;

/**
 * The one root of every error that is the client's to fix or to know about. Rolls the transaction back, so a
 * request that fails leaves nothing half-written. The API surfaces translate it; nobody else builds error bodies.
 */
@ApplicationException(rollback = true, inherited = true)
public class BusinessException extends RuntimeException {

    private final ErrorCode code;

    public BusinessException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public BusinessException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
