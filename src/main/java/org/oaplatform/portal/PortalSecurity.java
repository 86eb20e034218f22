package org.oaplatform.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Turns on Jakarta Security's custom form login for the portal: a protected page redirects to the login page, which
 * authenticates through {@code SecurityContext} and then continues to the page first asked for. The roles are
 * groups given by {@link PortalIdentityStore}; which URLs need them is in {@code web.xml}.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/portal/login.xhtml", errorPage = "", useForwardToLogin = false))
public class PortalSecurity {

    /** Everyone with a personal account. */
    public static final String PERSON = "PERSON";

    /** The installation's administrators ({@code OA_PLATFORM_ADMINS}). */
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
}
