package org.oaplatform.platform.control;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ParamException;

/**
 * Turns anything a request threw into an {@link ErrorCode} and a message, the same way for both API surfaces;
 * the surfaces' mappers only choose the wire format. Unexpected errors are logged here, once, with the
 * correlation id the client receives, and their details never leave the server.
 */
public final class FailureTranslation {

    private static final Logger LOG = Logger.getLogger(FailureTranslation.class.getName());

    public record Failure(ErrorCode code, String message, List<FieldError> fieldErrors) {
    }

    public record FieldError(String field, String message) {
    }

    private FailureTranslation() {
    }

    public static Failure translate(Throwable thrown, String correlationId) {
        if (thrown instanceof ParamException parameter && !(parameter instanceof ParamException.PathParamException)) {
            return unreadableParameter(parameter);
        }
        BusinessException business = causeOfType(thrown, BusinessException.class);
        if (business != null) {
            return new Failure(business.code(), business.getMessage(), List.of());
        }
        if (DatabaseOutages.causedBy(thrown)) {
            // Not a bug and not the client's fault; one line, not a stack trace per request while the database is away.
            LOG.warning(() -> "Database unreachable, answered 'system busy' to correlation id " + correlationId + ": "
                    + thrown);
            return new Failure(ErrorCode.SERVICE_UNAVAILABLE, unavailable(), List.of());
        }
        ConstraintViolationException violations = causeOfType(thrown, ConstraintViolationException.class);
        if (violations != null) {
            List<FieldError> errors = violations.getConstraintViolations().stream()
                    .map(v -> new FieldError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            String summary = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                    .orElse(ErrorCode.VALIDATION_FAILED.defaultMessage());
            return new Failure(ErrorCode.VALIDATION_FAILED, summary, errors);
        }
        if (thrown instanceof NotAllowedException notAllowed) {
            var allowed = notAllowed.getResponse().getAllowedMethods();
            ErrorCode code = allowed.contains("POST") ? ErrorCode.REQUIRE_POST
                    : allowed.contains("GET") ? ErrorCode.REQUIRE_GET : ErrorCode.METHOD_NOT_ALLOWED;
            return new Failure(code, code.defaultMessage(), List.of());
        }
        if (thrown instanceof NotSupportedException) {
            return new Failure(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported content type", List.of());
        }
        if (thrown instanceof WebApplicationException wae && wae.getResponse().getStatus() == 404) {
            return new Failure(ErrorCode.NOT_FOUND, "no such resource", List.of());
        }
        if (thrown instanceof WebApplicationException wae && wae.getResponse().getStatus() == 400
                || causeOfType(thrown, JsonbException.class) != null
                || causeOfType(thrown, jakarta.json.JsonException.class) != null
                || thrown instanceof ProcessingException) {
            return new Failure(ErrorCode.MALFORMED_REQUEST, "the request body is not valid JSON of the expected shape",
                    List.of());
        }
        if (thrown instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            return new Failure(ErrorCode.MALFORMED_REQUEST, "the request is not acceptable", List.of());
        }
        LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + correlationId, thrown);
        return new Failure(ErrorCode.SYSTEM_BUSY, "unexpected error; quote correlation id " + correlationId,
                List.of());
    }

    /**
     * The {@code Retry-After} of a 503: the database is usually back within seconds (a restart, a fail-over), and the
     * migrations' retry runs at least this often.
     */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** What a client is told while the database is away or not migrated yet. */
    public static String unavailable() {
        return "system busy: the service is temporarily unavailable, retry in a few seconds";
    }

    /**
     * A query, header, form or cookie parameter that could not be converted to its declared type: the client sent a
     * bad value, so it is a validation failure naming the parameter, not the 404 that JAX-RS prescribes. (A path
     * parameter that does not convert stays "no such resource".)
     */
    private static Failure unreadableParameter(ParamException parameter) {
        BusinessException reason = causeOfType(parameter, BusinessException.class);
        String message = reason != null ? reason.getMessage()
                : causeOfType(parameter, NumberFormatException.class) != null ? "must be a whole number"
                : "is not a value this parameter accepts";
        String name = parameter.getParameterName();
        return new Failure(ErrorCode.VALIDATION_FAILED, name + ": " + message, List.of(new FieldError(name, message)));
    }

    private static String field(ConstraintViolation<?> violation) {
        // "register.arg0.phone" -> "phone": clients know their fields, not our method names.
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
