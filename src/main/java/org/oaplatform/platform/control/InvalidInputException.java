package org.oaplatform.platform.control;

/** The request is well-formed but its content is not acceptable. */
public class InvalidInputException extends BusinessException {

    public InvalidInputException(ErrorCode code) {
        super(code);
    }

    public InvalidInputException(ErrorCode code, String message) {
        super(code, message);
    }
}
