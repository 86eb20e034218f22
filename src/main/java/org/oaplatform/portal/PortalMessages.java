package org.oaplatform.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.oaplatform.platform.control.BusinessException;

/**
 * Faces messages from the portal's bundle ({@code msg}). A {@link BusinessException} shows a translated summary for
 * its code ({@code error.<CODE>}, else {@code error.generic}) and the boundary's own message as detail.
 */
public final class PortalMessages {

    private PortalMessages() {
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, text(key, arguments), null);
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, text(key, arguments), null);
    }

    public static void error(BusinessException failure) {
        String key = "error." + failure.code().name();
        String summary = bundle().containsKey(key) ? text(key) : text("error.generic");
        add(FacesMessage.SEVERITY_ERROR, summary, failure.getMessage());
    }

    /** Keeps the messages of this request for the page a redirect leads to. */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    public static String text(String key, Object... arguments) {
        try {
            String pattern = bundle().getString(key);
            return arguments.length == 0 ? pattern
                    : new MessageFormat(pattern, FacesContext.getCurrentInstance().getViewRoot().getLocale())
                            .format(arguments);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    private static void add(FacesMessage.Severity severity, String summary, String detail) {
        // An empty detail, not null: FacesMessage repeats the summary as a null detail, and the layout shows details.
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(severity, summary, detail == null ? "" : detail));
    }

    private static ResourceBundle bundle() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, "msg");
    }
}
