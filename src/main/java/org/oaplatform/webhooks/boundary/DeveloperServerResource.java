package org.oaplatform.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.webhooks.control.PushMode;

/** Client API: an account's developer server ("developer mode"), for its owner and admins. */
@Path("official-accounts/{appid}/server")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeveloperServerResource {

    /** A class with public fields: Payara's OpenAPI scanner fails on constrained records. */
    public static class ServerRequest {
        @NotBlank(message = "{oa.url.required}")
        public String url;
        @NotBlank(message = "{oa.token.required}")
        public String token;
        public String encodingAesKey;
        @NotNull(message = "{oa.mode.required}")
        public PushMode mode;
        public boolean enabled = true;
    }

    @Inject
    DeveloperServers servers;

    @Inject
    CurrentPerson currentPerson;

    @PUT
    public DeveloperServers.View configure(@PathParam("appid") String appId,
            @Valid @NotNull(message = "{oa.body.required}") ServerRequest request) {
        return servers.configure(currentPerson.id(), appId, DeveloperServers.Configuration.entered(request.url,
                request.token, request.encodingAesKey, request.mode, request.enabled));
    }

    @GET
    public DeveloperServers.View read(@PathParam("appid") String appId) {
        return servers.read(currentPerson.id(), appId);
    }
}
