package org.oaplatform.portal;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.DatabaseOutages;
import org.oaplatform.platform.control.FailureTranslation;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.RequestContext;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandler;
import org.omnifaces.util.Exceptions;

/**
 * What the portal does with exceptions, so that nobody ever sees a stack trace:
 * <ul>
 * <li>a {@link BusinessException} from a boundary (the person's to fix) becomes a Faces message on the same page, and so
 * does a database that is away ("temporarily unavailable, try again");</li>
 * <li>an expired view (session timed out) is answered with a fresh GET of the same page, which logs in again if
 * needed;</li>
 * <li>anything else is logged once with the request's correlation id and answered with the error page: OmniFaces'
 * {@link FullAjaxExceptionHandler} renders it into ajax responses, and other requests get a 500 (503 when the database
 * is away) that the container sends to the same page ({@code web.xml}).</li>
 * </ul>
 */
public class PortalExceptionHandler extends FullAjaxExceptionHandler {

    private static final Logger LOG = Logger.getLogger(PortalExceptionHandler.class.getName());
    public static final String ERROR_PAGE = "/WEB-INF/errorpages/error.xhtml";

    public PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null) {
            showBusinessFailures(context);
            reloadExpiredViews(context);
            if (!context.getPartialViewContext().isAjaxRequest()) {
                answerUnexpectedWithErrorPage(context);
            }
        }
        super.handle();
    }

    private void showBusinessFailures(FacesContext context) {
        boolean shown = false;
        for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator(); it.hasNext();) {
            ExceptionQueuedEventContext event = it.next().getContext();
            BusinessException failure = Exceptions.extract(event.getException(), BusinessException.class);
            boolean databaseAway = failure == null && DatabaseOutages.causedBy(event.getException());
            if (databaseAway) {
                failure = new BusinessException(PlatformError.SERVICE_UNAVAILABLE, FailureTranslation.unavailable());
            }
            // While rendering, half a page is written already: that is a bug, not a message.
            if (failure != null && event.getPhaseId() != PhaseId.RENDER_RESPONSE) {
                if (databaseAway) {
                    LOG.warning(() -> "Database unreachable in the portal, correlation id " + correlationId());
                }
                PortalMessages.error(failure);
                it.remove();
                shown = true;
            }
        }
        if (shown) {
            context.validationFailed();
            context.renderResponse();
        }
    }

    private void reloadExpiredViews(FacesContext context) {
        for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator(); it.hasNext();) {
            if (Exceptions.extract(it.next().getContext().getException(), ViewExpiredException.class) != null) {
                it.remove();
                ExternalContext external = context.getExternalContext();
                if (!context.getResponseComplete() && !external.isResponseCommitted()) {
                    try {
                        external.redirect(((HttpServletRequest) external.getRequest()).getRequestURI());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    context.responseComplete();
                }
            }
        }
    }

    private void answerUnexpectedWithErrorPage(FacesContext context) {
        Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator();
        ExternalContext external = context.getExternalContext();
        if (!it.hasNext() || external.isResponseCommitted()) {
            return; // nothing to do, or too late: the container logs it and ends the response
        }
        boolean databaseAway = false;
        while (it.hasNext()) {
            Throwable exception = it.next().getContext().getException();
            if (DatabaseOutages.causedBy(exception)) {
                databaseAway = true;
                LOG.warning(() -> "Database unreachable in the portal, correlation id " + correlationId());
            } else {
                log(exception);
            }
            it.remove();
        }
        try {
            external.responseReset();
            external.responseSendError(databaseAway ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                    : HttpServletResponse.SC_INTERNAL_SERVER_ERROR, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    /**
     * The portal's error page for ajax answers. {@code web.xml} sends every error to a servlet that picks the page by
     * path (org.oaplatform.SurfaceErrorPage), which OmniFaces cannot render as a view.
     */
    @Override
    protected String findErrorPageLocation(FacesContext context, Throwable exception) {
        return ERROR_PAGE;
    }

    @Override
    protected void logException(FacesContext context, Throwable exception, String location, LogReason reason) {
        log(exception);
    }

    private static void log(Throwable exception) {
        LOG.log(Level.SEVERE, "Unexpected failure in the portal, correlation id " + correlationId(), exception);
    }

    /** The id the error page shows; the same one the audit log and the {@code X-Request-Id} header carry. */
    static String correlationId() {
        try {
            return CDI.current().select(RequestContext.class).get().correlationId();
        } catch (RuntimeException noRequestContext) {
            return null;
        }
    }
}
