package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.oaplatform.merchants.control.PayError;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.FailureTranslation;
import org.oaplatform.platform.control.FailureTranslation.Failure;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.RequestContext;

/**
 * The merchant API's only error writer: HTTP 200 and WeChat Pay XML, never a 500 or errcode JSON, because the SDKs
 * parse whatever comes back as XML and an HTML or JSON error surfaces in them as a parsing crash. Codes of other
 * components are translated to the nearest WeChat Pay code; an unexpected failure is SYSTEMERROR with the
 * correlation id, and the merchant is told to query the order before retrying.
 */
@ApplicationScoped
public class PayErrorMapper implements ExceptionMapper<Throwable> {

    public static final String XML = "text/xml;charset=UTF-8";

    @Inject
    RequestContext request;

    @Inject
    PayCaller caller;

    @Override
    public Response toResponse(Throwable thrown) {
        return answer(thrown, request, caller);
    }

    /** @param caller the request's merchant, or null where none can have been admitted (the container's errors) */
    public static Response answer(Throwable thrown, RequestContext request, PayCaller caller) {
        Failure failure = FailureTranslation.translate(thrown, request.correlationId());
        PayError code = payCode(failure.code());
        String description = failure.code() instanceof PayError ? failure.message()
                : code == PayError.SYSTEMERROR ? code.defaultMessage() + " rid: " + request.correlationId()
                : failure.message();
        String body = caller != null ? caller.failure(code, description) : PayCaller.unadmitted(code, description);
        return Response.ok(body, XML).build();
    }

    static PayError payCode(ErrorCode code) {
        if (code instanceof PayError pay) {
            return pay;
        }
        if (code == PlatformError.REQUIRE_POST || code == PlatformError.METHOD_NOT_ALLOWED
                || code == PlatformError.REQUIRE_GET) {
            return PayError.REQUIRE_POST_METHOD;
        }
        if (code == PlatformError.UNSUPPORTED_MEDIA_TYPE) {
            return PayError.NOT_UTF8;
        }
        return code.httpStatus() >= 500 ? PayError.SYSTEMERROR : PayError.INVALID_REQUEST;
    }
}
