package org.oaplatform.wechatapi.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.Method;
import org.oaplatform.platform.control.FailureTranslation.Failure;
import org.oaplatform.platform.control.FailureTranslation;
import org.oaplatform.platform.control.RequestContext;

/**
 * The WeChat surface's only error writer: HTTP 200 with {@code {"errcode":N,"errmsg":"... rid: <id>"}}, as WeChat
 * answers and as SDKs require (WxJava reports any non-2xx as -99 and ignores the body). JSON, unless the method
 * declares the {@link ErrcodeContentType} its SDKs expect.
 */
@ApplicationScoped
public class ErrcodeMapper implements ExceptionMapper<Throwable> {

    @Inject
    RequestContext request;

    @Context
    ResourceInfo resourceInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        return errcode(thrown, request, resourceInfo);
    }

    public static Response errcode(Throwable thrown, RequestContext request, ResourceInfo resourceInfo) {
        Failure failure = FailureTranslation.translate(thrown, request.correlationId());
        String body = JSON.createObjectBuilder()
                .add("errcode", failure.code().errcode())
                .add("errmsg", failure.message() + " rid: " + request.correlationId())
                .build().toString();
        return Response.ok(body, contentType(resourceInfo).withCharset("UTF-8")).build();
    }

    private static MediaType contentType(ResourceInfo resourceInfo) {
        // No method when the request failed before matching one (unknown path, body too large).
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        ErrcodeContentType declared = method == null ? null : method.getAnnotation(ErrcodeContentType.class);
        return declared == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.valueOf(declared.value());
    }

    /** Bean Validation failures would otherwise go to Jersey's own mapper, which is more specific than ours. */
    @ApplicationScoped
    public static class ValidationFailures implements ExceptionMapper<ValidationException> {

        @Inject
        RequestContext request;

        @Context
        ResourceInfo resourceInfo;

        @Override
        public Response toResponse(ValidationException exception) {
            return errcode(exception, request, resourceInfo);
        }
    }
}
