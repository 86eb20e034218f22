package org.oaplatform.followers.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.followers.entity.QrScanOutcome;

/**
 * Client API: a person scanned a QR code with the app. A code of an account they do not follow makes them follow it
 * ({@code ADD_SCENE_QR_CODE}); otherwise it is a {@code SCAN} the account hears about. Unknown codes are 404
 * {@code qr-code-unknown}, expired ones 410 {@code qr-code-expired}.
 */
@Path("qr-scans")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QrScansResource {

    /** A class with a public field rather than a record: Payara's OpenAPI scanner fails on constrained records. */
    public static class ScanRequest {
        /** The text the camera read: a code's URL, or its bare ticket. */
        @NotBlank(message = "{oa.qrScan.content.required}")
        @Size(max = 2048, message = "{oa.qrScan.content.size}")
        public String content;
    }

    /** {@code scene} is the scene as the account's developer set it: the scene string, or the scene id in decimal. */
    public record ScanView(String appid, String name, QrScanOutcome outcome, String scene) {
    }

    @Inject
    QrCodes qrCodes;

    @Inject
    CurrentPerson currentPerson;

    @POST
    public Response scan(@Valid @NotNull(message = "{oa.body.required}") ScanRequest request) {
        QrCodes.Scanned scanned = qrCodes.scan(currentPerson.id(), request.content);
        return Response.status(Response.Status.CREATED).entity(new ScanView(scanned.account().appId(),
                scanned.account().name(), scanned.outcome(), scanned.code().sceneValue())).build();
    }
}
