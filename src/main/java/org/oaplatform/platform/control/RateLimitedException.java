package org.oaplatform.platform.control;

/** A quota or rate limit is exhausted; retrying later may succeed. */
public class RateLimitedException extends BusinessException {

    public RateLimitedException(ErrorCode code) {
        super(code);
    }

    public RateLimitedException(ErrorCode code, String message) {
        super(code, message);
    }
}
