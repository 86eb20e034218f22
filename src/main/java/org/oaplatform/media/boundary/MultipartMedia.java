package org.oaplatform.media.boundary;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oaplatform.media.control.MediaError;
import org.oaplatform.platform.control.BusinessException;
import org.omnifaces.util.Exceptions;

/**
 * The part named {@code media} of a {@code multipart/form-data} upload, read by the JAX-RS implementation's own
 * multipart support (standard {@link EntityPart}s: Jersey on Payara, RESTEasy on WildFly), which keeps large parts in
 * temporary files rather than in memory. The body is read here, inside the resource method, rather than as a method
 * parameter, so that a body that is not multipart or breaks off is WeChat's 41005 "media data missing" and not
 * whatever the implementation throws.
 */
final class MultipartMedia {

    static final String PART = "media";

    private static final Logger LOG = Logger.getLogger(MultipartMedia.class.getName());
    private static final GenericType<List<EntityPart>> PARTS = new GenericType<>() {
    };

    private MultipartMedia() {
    }

    static InputStream part(Providers providers, HttpHeaders headers, InputStream body) {
        MediaType type = headers.getMediaType();
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())
                || !"form-data".equalsIgnoreCase(type.getSubtype()) || type.getParameters().get("boundary") == null) {
            throw missing("send the file as multipart/form-data in a part named " + PART);
        }
        @SuppressWarnings("unchecked")
        Class<List<EntityPart>> raw = (Class<List<EntityPart>>) (Class<?>) List.class;
        Annotation[] none = new Annotation[0];
        MessageBodyReader<List<EntityPart>> reader = providers.getMessageBodyReader(raw, PARTS.getType(), none, type);
        if (reader == null) {
            throw new IllegalStateException("the JAX-RS implementation reads no multipart/form-data");
        }
        List<EntityPart> parts;
        try {
            parts = reader.readFrom(raw, PARTS.getType(), none, type, headers.getRequestHeaders(), body);
        } catch (IOException | RuntimeException unreadable) {
            BusinessException ours = Exceptions.extract(unreadable, BusinessException.class);
            if (ours != null) {
                throw ours; // the request size limit, counted while the parts were read
            }
            LOG.log(Level.FINE, "unreadable multipart upload", unreadable);
            throw missing("the multipart body could not be read");
        }
        return parts.stream().filter(p -> PART.equals(p.getName())).findFirst().map(EntityPart::getContent)
                .orElseThrow(() -> missing("no part named " + PART));
    }

    private static BusinessException missing(String detail) {
        return new BusinessException(MediaError.MEDIA_DATA_MISSING, detail);
    }
}
