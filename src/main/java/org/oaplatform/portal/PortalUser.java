package org.oaplatform.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.accounts.entity.Person;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.DatabaseOutages;
import org.oaplatform.platform.control.PlatformError;

/**
 * The person signed in to the portal, for backing beans ({@link #id()}) and the template (name, admin menu, logout).
 * The caller principal's name is the person's id (see {@link PortalIdentityStore}).
 */
@Named
@RequestScoped
public class PortalUser {

    @Inject
    SecurityContext security;

    @Inject
    People people;

    private Long personId;
    private String displayName;
    private boolean admin;

    @PostConstruct
    void identify() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return;
        }
        try {
            personId = Long.valueOf(principal.getName());
        } catch (NumberFormatException notOurs) {
            return;
        }
        try {
            Person person = people.get(personId);
            displayName = person.displayName();
            // The same rule that gave the PLATFORM_ADMIN group at login; SecurityContext.isCallerInRole does not
            // see groups mapped in glassfish-web.xml on Payara.
            admin = people.isPlatformAdmin(person);
        } catch (BusinessException gone) {
            displayName = "";
        } catch (RuntimeException e) {
            if (!DatabaseOutages.causedBy(e)) {
                throw e;
            }
            // The database is away: the page still renders, with the message that says so, only without the name and
            // the admin menu.
            displayName = "";
        }
    }

    /** @throws BusinessException when nobody is signed in (pages under /portal are protected, so: a bug) */
    public long id() {
        if (personId == null) {
            throw new BusinessException(PlatformError.UNAUTHENTICATED);
        }
        return personId;
    }

    public boolean isSignedIn() {
        return personId != null;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isAdmin() {
        return admin;
    }

    public String logOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/portal/login.xhtml?faces-redirect=true";
    }
}
