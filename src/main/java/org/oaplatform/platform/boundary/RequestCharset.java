package org.oaplatform.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * Refuses a body declared in a charset this server does not know ({@code charset=x-no-such}) before anything reads
 * it: the entity readers would fail deep inside with an {@code UnsupportedCharsetException}, an unexpected error.
 */
@PreMatching
@ApplicationScoped
public class RequestCharset implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return;
        }
        String charset;
        try {
            charset = MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
        } catch (IllegalArgumentException notAMediaType) {
            // Left to the readers and their own answer: the WeChat surface reads bodies whatever their type says.
            return;
        }
        if (charset != null && !known(charset)) {
            throw new BusinessException(PlatformError.UNSUPPORTED_MEDIA_TYPE, "unknown charset in Content-Type");
        }
    }

    private static boolean known(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
