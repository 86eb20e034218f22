package org.oaplatform.media.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import java.io.InputStream;
import java.time.Instant;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.media.entity.StoredMedia;

/**
 * Client API: a person uploads media to send in a message ({@code multipart/form-data}, part {@code media},
 * {@code ?type=image|voice|video}, WeChat's formats and limits) and views the media of their conversations: their own
 * and what accounts sent them.
 */
@Path("media")
@ApplicationScoped
public class ClientMediaResource {

    /** A media as the client sees it; {@code type} is WeChat's word for its kind. */
    public record MediaView(String mediaId, String type, String contentType, long size, Instant createdAt,
            Instant expiresAt) {

        static MediaView of(StoredMedia media) {
            return new MediaView(media.mediaId(), media.kind().wireName(), media.format().contentType(), media.size(),
                    media.createdAt(), media.expiresAt());
        }
    }

    @Inject
    Media media;

    @Inject
    CurrentPerson currentPerson;

    @Context
    Providers providers;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("type") String type, InputStream body) {
        StoredMedia stored = media.uploadForPerson(currentPerson.id(), type,
                () -> MultipartMedia.part(providers, headers, body));
        return Response.created(uri.getAbsolutePathBuilder().path(stored.mediaId()).build())
                .entity(MediaView.of(stored)).build();
    }

    @GET
    @Path("{mediaId}")
    public Response file(@PathParam("mediaId") String mediaId) {
        StoredMedia stored = media.readableByPerson(currentPerson.id(), mediaId);
        return MediaResponses.file(stored, media.open(stored), "inline");
    }
}
