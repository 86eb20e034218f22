package org.oaplatform.platform.control;

/** The request clashes with existing state (a taken name, a repeated action). */
public class ConflictException extends BusinessException {

    public ConflictException(ErrorCode code) {
        super(code);
    }

    public ConflictException(ErrorCode code, String message) {
        super(code, message);
    }
}
