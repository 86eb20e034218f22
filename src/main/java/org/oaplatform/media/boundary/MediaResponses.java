package org.oaplatform.media.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.oaplatform.media.entity.StoredMedia;

/**
 * A media file as an HTTP answer, the same on every surface that serves one (the developer API, a person's media, a
 * broadcast's): its content type, its length and WeChat's file name.
 */
public final class MediaResponses {

    private MediaResponses() {
    }

    /**
     * The file opened before the answer is built: a purge between the check and the first byte then finds the file
     * open and takes it only afterwards, instead of failing an answer whose status is already sent.
     *
     * @param disposition {@code attachment} as WeChat's downloads (WxJava requires the header and its file name), or
     *        {@code inline} for people viewing media in a conversation
     */
    public static Response file(StoredMedia media, InputStream content, String disposition) {
        StreamingOutput body = out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, media.format().contentType())
                .header(HttpHeaders.CONTENT_LENGTH, media.size())
                .header("Content-Disposition", disposition + "; filename=\"" + media.fileName() + "\"")
                // It never changes while it lives, but it is one reader's: no shared cache may keep it.
                .header(HttpHeaders.CACHE_CONTROL, "private")
                .build();
    }
}
