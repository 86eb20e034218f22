package org.oaplatform.media.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

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
import jakarta.ws.rs.ext.Providers;
import java.io.InputStream;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.media.entity.MediaKind;
import org.oaplatform.media.entity.NewsMedia;
import org.oaplatform.media.entity.StoredMedia;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Settings;
import org.oaplatform.wechatapi.boundary.CallingAccount;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;
import org.oaplatform.wechatapi.control.WeChatJson;

/**
 * WeChat's temporary media API (spec §9.1). Temporary media are part of WeChat's material management, which the
 * permissions table (§12.2) gives verified accounts only: 48001 for the others. Quotas are §1.4's for new accounts.
 * No {@code @Produces} on the downloads: a client's {@code Accept} header must never turn a file into a 406.
 */
@Path("media")
@ApplicationScoped
public class MediaResource {

    static final String VIDEO_PATH = "/cgi-bin/media/video/";

    @Inject
    Media media;

    @Inject
    News news;

    @Inject
    CallingAccount caller;

    @Inject
    Settings settings;

    @Context
    Providers providers;

    @Context
    HttpHeaders headers;

    /** {@code {"type","media_id","created_at"}}; a thumb's id is {@code thumb_media_id}, as WeChat answers. */
    @POST
    @Path("upload")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    @CgiEndpoint(path = "/cgi-bin/media/upload", dailyQuota = 100_000, capability = Capability.MATERIALS)
    public String upload(@QueryParam("type") String type, InputStream body) {
        StoredMedia stored = media.uploadForAccount(caller.account(), type,
                () -> MultipartMedia.part(providers, headers, body));
        return JSON.createObjectBuilder().add("type", stored.kind().wireName())
                .add(stored.kind() == MediaKind.THUMB ? "thumb_media_id" : "media_id", stored.mediaId())
                .add("created_at", stored.createdAt().getEpochSecond()).build().toString();
    }

    /** Articles for an {@code mpnews} send: {@code {"type":"news","media_id","created_at"}}, kept three days. */
    @POST
    @Path("uploadnews")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    @CgiEndpoint(path = "/cgi-bin/media/uploadnews", dailyQuota = 10, capability = Capability.MASS_SEND)
    public String uploadNews(String body) {
        NewsMedia stored = news.upload(caller.account(), WeChatJson.parseObject(body));
        return JSON.createObjectBuilder().add("type", "news").add("media_id", stored.mediaId())
                .add("created_at", stored.createdAt().getEpochSecond()).build().toString();
    }

    /** The file, or for a video {@code {"video_url":...}} where it can be fetched without a token. */
    @GET
    @Path("get")
    @CgiEndpoint(path = "/cgi-bin/media/get", dailyQuota = 200_000, capability = Capability.MATERIALS)
    public Response get(@QueryParam("media_id") String mediaId) {
        if (mediaId == null || mediaId.isBlank()) {
            throw new BusinessException(MediaError.MEDIA_ID_MISSING);
        }
        StoredMedia stored = media.readableByAccount(caller.account(), mediaId);
        if (stored.kind() == MediaKind.VIDEO) {
            String url = settings.publicUrl() + VIDEO_PATH + stored.videoKey();
            return Response.ok(JSON.createObjectBuilder().add("video_url", url).build().toString(),
                    MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
        }
        return MediaResponses.file(stored, media.open(stored), "attachment");
    }

    /** A video by its URL's key, without a token: the answer of {@link #get} for a video points here. */
    @GET
    @Path("video/{key}")
    public Response video(@PathParam("key") String key) {
        StoredMedia stored = media.videoByKey(key);
        return MediaResponses.file(stored, media.open(stored), "attachment");
    }
}
