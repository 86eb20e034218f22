package org.oaplatform.payments.boundary;

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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/** Client API for platform administrators: the ledger audit, postings, statements and locked payment passwords. */
@Path("admin/ledger")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminLedgerResource {

    @Inject
    CurrentPerson currentPerson;

    @Inject
    LedgerInspection inspection;

    @POST
    @Path("audits")
    @Consumes(MediaType.WILDCARD)
    public Response audit() {
        return Response.status(201).entity(inspection.runAudit(currentPerson.id())).build();
    }

    @GET
    @Path("audits/latest")
    public LedgerInspection.AuditView latestAudit() {
        return inspection.latestAudit(currentPerson.id())
                .orElseThrow(() -> new BusinessException(PlatformError.NOT_FOUND, "the audit has not run yet"));
    }

    /** A posting by its id ({@code pst_...}), or every posting of a transfer, packet, top-up or withdrawal. */
    @GET
    @Path("postings/{id}")
    public List<LedgerInspection.PostingView> postings(@PathParam("id") String id) {
        return inspection.postings(currentPerson.id(), id);
    }

    @GET
    @Path("statements/{phone}")
    public Statements.Page statement(@PathParam("phone") String phone, @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return inspection.statementOf(currentPerson.id(), phone,
                new Statements.Filter(List.of(), null, null, null, before, Statements.pageSize(limit)));
    }

    @GET
    @Path("locked-payment-passwords")
    public List<Wallets.LockedPassword> lockedPasswords() {
        return inspection.lockedPasswords(currentPerson.id());
    }

    @POST
    @Path("locked-payment-passwords/{phone}/unlock")
    @Consumes(MediaType.WILDCARD)
    public Response unlock(@PathParam("phone") String phone) {
        inspection.unlockPassword(currentPerson.id(), phone);
        return Response.noContent().build();
    }
}
