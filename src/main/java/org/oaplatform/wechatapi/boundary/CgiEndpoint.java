package org.oaplatform.wechatapi.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.oaplatform.officialaccounts.control.Capability;

/**
 * Declares a {@code /cgi-bin} method that needs an access token: before it runs, {@link AccessTokenCheck} verifies
 * the token, the caller's IP against the whitelist, the capability and the daily quota, and fills
 * {@link CallingAccount}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CgiEndpoint {

    /** The API as WeChat's quota tables name it, e.g. {@code /cgi-bin/user/info}. */
    String path();

    /** Calls per account per day (spec §1.4). */
    int dailyQuota();

    Capability capability() default Capability.BASIC;
}
