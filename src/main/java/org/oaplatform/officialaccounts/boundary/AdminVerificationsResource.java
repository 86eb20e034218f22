package org.oaplatform.officialaccounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.officialaccounts.entity.ApplicationStatus;

/** The verification queue for platform administrators. */
@Path("admin/verifications")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminVerificationsResource {

    public record Decision(String reason) {
    }

    @Inject
    Verifications verifications;

    @Inject
    CurrentPerson currentPerson;

    @GET
    public List<ApplicationView> queue(@QueryParam("status") @DefaultValue("PENDING") ApplicationStatus status) {
        return verifications.queue(currentPerson.id(), status).stream().map(ApplicationView::of).toList();
    }

    @POST
    @Path("{id}/approve")
    public ApplicationView approve(@PathParam("id") String id, Decision decision) {
        return ApplicationView.of(verifications.approve(currentPerson.id(), id, decision == null ? null : decision.reason()));
    }

    @POST
    @Path("{id}/reject")
    public ApplicationView reject(@PathParam("id") String id, Decision decision) {
        return ApplicationView.of(verifications.reject(currentPerson.id(), id, decision == null ? null : decision.reason()));
    }
}
