package org.oaplatform.platform.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.oaplatform.platform.control.FailureTranslation.Failure;
import org.oaplatform.platform.control.FailureTranslation;
import org.oaplatform.platform.control.RequestContext;

/**
 * The client API's only error writer: RFC 9457 {@code application/problem+json} with a stable {@code type}
 * (see {@code docs/errors.md}), field errors for validation failures and the correlation id; a 503 (the database is
 * away) says when to retry.
 */
@ApplicationScoped
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    RequestContext request;

    @Override
    public Response toResponse(Throwable thrown) {
        return problem(thrown, request);
    }

    public static Response problem(Throwable thrown, RequestContext request) {
        Failure failure = FailureTranslation.translate(thrown, request.correlationId());
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", failure.code().problemType())
                .add("title", failure.code().defaultMessage())
                .add("status", failure.code().httpStatus())
                .add("detail", failure.message())
                .add("correlationId", request.correlationId());
        if (!failure.fieldErrors().isEmpty()) {
            JsonArrayBuilder errors = JSON.createArrayBuilder();
            failure.fieldErrors().forEach(e -> errors.add(JSON.createObjectBuilder()
                    .add("field", e.field()).add("message", e.message())));
            body.add("errors", errors);
        }
        Response.ResponseBuilder response = Response.status(failure.code().httpStatus()).type(PROBLEM_JSON)
                .entity(body.build().toString());
        if (failure.code().httpStatus() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            response.header(HttpHeaders.RETRY_AFTER, FailureTranslation.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** Bean Validation failures would otherwise go to Jersey's own mapper, which is more specific than ours. */
    @ApplicationScoped
    public static class ValidationFailures implements ExceptionMapper<ValidationException> {

        @Inject
        RequestContext request;

        @Override
        public Response toResponse(ValidationException exception) {
            return problem(exception, request);
        }
    }
}
