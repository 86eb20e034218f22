package org.oaplatform.platform.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling and from where, for the current request: filled by {@code RequestContextFilter} (address,
 * correlation id) and by authentication (actor). Outside HTTP requests (timers) it stays empty and the actor is
 * the system.
 */
@RequestScoped
public class RequestContext {

    private String correlationId;
    private String remoteAddress;
    private String actor;

    public String correlationId() {
        return correlationId;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** A person ({@code person:<id>}), an official account ({@code app:<appid>}) or {@code system}. */
    public String actor() {
        return actor == null ? "system" : actor;
    }

    public void begin(String correlationId, String remoteAddress) {
        this.correlationId = correlationId;
        this.remoteAddress = remoteAddress;
    }

    public void actingAs(String actor) {
        this.actor = actor;
    }
}
