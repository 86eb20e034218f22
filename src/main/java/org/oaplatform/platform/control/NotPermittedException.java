package org.oaplatform.platform.control;

/** The caller is known but may not do this (role, capability, whitelist). */
public class NotPermittedException extends BusinessException {

    public NotPermittedException(ErrorCode code) {
        super(code);
    }

    public NotPermittedException(ErrorCode code, String message) {
        super(code, message);
    }
}
