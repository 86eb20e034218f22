package org.oaplatform.followers.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.oaplatform.followers.control.QrImages;
import org.oaplatform.followers.entity.QrCode;
import org.oaplatform.wechatapi.boundary.ErrcodeContentType;

/**
 * {@code showqrcode} of spec §8.2: the picture of a code by its ticket, without an access token (the ticket is the
 * credential), as SDKs fetch it from the {@code mp} host. No {@code @Produces}: a client's {@code Accept} header
 * must never turn a picture into a 406.
 */
@Path("showqrcode")
@ApplicationScoped
public class QrCodeImagesResource {

    @Inject
    QrCodes qrCodes;

    /** A PNG of the code's URL; for an unknown or expired ticket an errcode 40097 as {@code text/plain} (WxJava). */
    @GET
    @ErrcodeContentType(MediaType.TEXT_PLAIN)
    public Response picture(@QueryParam("ticket") String ticket) {
        QrCode code = qrCodes.live(ticket);
        return Response.ok(QrImages.png(qrCodes.urlOf(code)), "image/png")
                // A temporary code's picture must not outlive the code in a cache.
                .header("Cache-Control", "private, no-cache")
                .build();
    }
}
