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
import org.omnifaces.util.Exceptions;

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
        // Looked for inside whatever the JAX-RS implementation wrapped it in (Jersey: a 404 ParamException).
        UnreadableParameter parameter = Exceptions.extract(thrown, UnreadableParameter.class);
        if (parameter != null) {
            String name = parameter.parameter();
            return new Failure(PlatformError.VALIDATION_FAILED, name + ": " + parameter.getMessage(),
                    List.of(new FieldError(name, parameter.getMessage())));
        }
        BusinessException business = Exceptions.extract(thrown, BusinessException.class);
        if (business != null) {
            return new Failure(business.code(), business.getMessage(), List.of());
        }
        if (DatabaseOutages.causedBy(thrown)) {
            // Not a bug and not the client's fault; one line, not a stack trace per request while the database is away.
            LOG.warning(() -> "Database unreachable, answered 'system busy' to correlation id " + correlationId + ": "
                    + thrown);
            return new Failure(PlatformError.SERVICE_UNAVAILABLE, unavailable(), List.of());
        }
        if (LockConflicts.isLostUpdate(thrown)) {
            return new Failure(PlatformError.CONFLICT, PlatformError.CONFLICT.defaultMessage(), List.of());
        }
        ConstraintViolationException violations = Exceptions.extract(thrown, ConstraintViolationException.class);
        if (violations != null) {
            List<FieldError> errors = violations.getConstraintViolations().stream()
                    .map(v -> new FieldError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            String summary = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                    .orElse(PlatformError.VALIDATION_FAILED.defaultMessage());
            return new Failure(PlatformError.VALIDATION_FAILED, summary, errors);
        }
        if (thrown instanceof NotAllowedException notAllowed) {
            var allowed = notAllowed.getResponse().getAllowedMethods();
            ErrorCode code = allowed.contains("POST") ? PlatformError.REQUIRE_POST
                    : allowed.contains("GET") ? PlatformError.REQUIRE_GET : PlatformError.METHOD_NOT_ALLOWED;
            return new Failure(code, code.defaultMessage(), List.of());
        }
        if (thrown instanceof NotSupportedException) {
            return new Failure(PlatformError.UNSUPPORTED_MEDIA_TYPE, "unsupported content type", List.of());
        }
        if (thrown instanceof WebApplicationException wae && wae.getResponse().getStatus() == 404) {
            return new Failure(PlatformError.NOT_FOUND, "no such resource", List.of());
        }
        if (thrown instanceof WebApplicationException wae && wae.getResponse().getStatus() == 400
                || Exceptions.extract(thrown, JsonbException.class) != null
                || Exceptions.extract(thrown, jakarta.json.JsonException.class) != null
                || thrown instanceof ProcessingException) {
            return new Failure(PlatformError.MALFORMED_REQUEST,
                    "the request body is not valid JSON of the expected shape",
                    List.of());
        }
        if (thrown instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            return new Failure(PlatformError.MALFORMED_REQUEST, "the request is not acceptable", List.of());
        }
        LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + correlationId, thrown);
        return new Failure(PlatformError.SYSTEM_BUSY, "unexpected error; quote correlation id " + correlationId,
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

    private static String field(ConstraintViolation<?> violation) {
        // "register.arg0.phone" -> "phone": clients know their fields, not our method names.
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
