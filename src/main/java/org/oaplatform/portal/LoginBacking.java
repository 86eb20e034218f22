package org.oaplatform.portal;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oaplatform.accounts.control.PhoneNumbers;
import org.oaplatform.platform.control.BusinessException;

/**
 * {@code portal/login.xhtml}: phone (a region and a local number, or E.164) and password. Request scoped rather than
 * view scoped because a successful login replaces the session the view would live in.
 */
@Named
@RequestScoped
public class LoginBacking {

    private static final String HOME = "/portal/index.xhtml?faces-redirect=true";

    @Inject
    SecurityContext security;

    @Inject
    PortalUser user;

    @Inject
    LoginAttempt attempt;

    private String region = "CN";
    private String phone;
    private String password;

    /** Someone already signed in has nothing to do here. */
    public String skipWhenSignedIn() {
        return user.isSignedIn() ? HOME : null;
    }

    public String logIn() {
        String e164;
        try {
            e164 = PhoneNumbers.normalise(region, phone);
        } catch (BusinessException invalidPhone) {
            PortalMessages.error("error.INVALID_PHONE");
            return null;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation: the signed-in session gets an id nobody saw before
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(e164, password)));
        switch (status) {
            case SEND_CONTINUE:
                context.responseComplete(); // the mechanism redirects to the page first asked for
                return null;
            case SUCCESS:
                return HOME;
            default:
                PortalMessages.error(attempt.refusal().map(code -> "error." + code.name()).orElse("login.failed"));
                return null;
        }
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
