package org.oaplatform.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import org.oaplatform.platform.control.RequestContext;

/** The error page: which kind of failure, and the correlation id to quote (never the exception itself). */
@Named
@RequestScoped
public class ErrorBacking {

    @Inject
    RequestContext request;

    /** The request's correlation id, as logged with the failure and sent as {@code X-Request-Id}. */
    public String getReference() {
        return request.correlationId();
    }

    public boolean isForbidden() {
        return status() == 401 || status() == 403;
    }

    /** The database is away or not migrated yet: nothing is broken, trying again shortly will do. */
    public boolean isUnavailable() {
        return status() == 503;
    }

    private static int status() {
        Object status = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 500;
    }
}
