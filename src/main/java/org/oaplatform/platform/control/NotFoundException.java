package org.oaplatform.platform.control;

/** What the request names does not exist, or is not visible to the caller. */
public class NotFoundException extends BusinessException {

    public NotFoundException(ErrorCode code) {
        super(code);
    }

    public NotFoundException(ErrorCode code, String message) {
        super(code, message);
    }
}
