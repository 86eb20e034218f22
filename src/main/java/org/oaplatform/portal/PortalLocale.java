package org.oaplatform.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.application.Application;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Locale;

/**
 * The portal's language for this session: first the browser's best match among the supported locales
 * ({@code faces-config.xml}), then whatever the person picks in the header.
 */
@Named
@SessionScoped
public class PortalLocale implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = Locale.ENGLISH;

    @PostConstruct
    void init() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null) {
            locale = context.getApplication().getViewHandler().calculateLocale(context);
        }
    }

    public Locale getLocale() {
        return locale;
    }

    /** For {@code <html lang>}: {@code en}, {@code zh-CN}. */
    public String getLanguageTag() {
        return locale.toLanguageTag();
    }

    /** @param tag a supported locale as written in faces-config ({@code en}, {@code zh_CN}); others are ignored */
    public void change(String tag) {
        Locale wanted = Locale.forLanguageTag(tag.replace('_', '-'));
        FacesContext context = FacesContext.getCurrentInstance();
        Application application = context.getApplication();
        for (Iterator<Locale> it = application.getSupportedLocales(); it.hasNext();) {
            if (it.next().equals(wanted)) {
                locale = wanted;
                context.getViewRoot().setLocale(wanted);
                return;
            }
        }
    }
}
