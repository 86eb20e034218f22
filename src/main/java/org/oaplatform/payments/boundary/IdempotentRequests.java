package org.oaplatform.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.oaplatform.payments.entity.IdempotencyRecord;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.InstantConverter;
import org.oaplatform.platform.control.InvalidInputException;

/**
 * Exactly-once money requests by the client's {@code Idempotency-Key} (unique per person, like Stripe's). The key
 * is claimed with an insert in the same transaction as the work, so it exists exactly when the money moved:
 * <ul>
 * <li>a retry after success replays the first answer, byte for byte;</li>
 * <li>the same key with other parameters is refused ({@code idempotency-key-reused});</li>
 * <li>a second request racing the first waits on the key's unique index until the first commits (then replays)
 * or rolls back (then runs itself): the work runs once;</li>
 * <li>a request that failed left no key behind, so the client may retry it (nothing moved).</li>
 * </ul>
 */
@Stateless
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Jsonb JSON = JsonbBuilder.create();

    public record Outcome(int status, String body, boolean replayed) {

        /** The answer as sent the first time; a replay says so in a header. */
        public Response response() {
            Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
            if (replayed) {
                response.header(REPLAYED_HEADER, "true");
            }
            return response.build();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Runs {@code work} once for this person and key, answering {@code status} with its result as JSON.
     *
     * @param fingerprint what makes two requests "the same", see {@link #fingerprint}
     */
    public Outcome once(long personId, String key, String fingerprint, int status, Supplier<?> work) {
        String checkedKey = checked(key);
        int claimed = em.createNativeQuery("INSERT IGNORE INTO idempotency_record"
                        + " (person_id, idem_key, fingerprint, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, personId).setParameter(2, checkedKey).setParameter(3, fingerprint)
                .setParameter(4, InstantConverter.utc(clock.instant())).executeUpdate();
        if (claimed == 0) {
            // A locking read: it sees the committed first request even if this transaction's snapshot is older.
            IdempotencyRecord first = em.createNamedQuery(IdempotencyRecord.BY_KEY, IdempotencyRecord.class)
                    .setParameter("person", personId).setParameter("key", checkedKey)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
            if (!first.fingerprint().equals(fingerprint)) {
                throw new InvalidInputException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was first used for a different request; use a new key");
            }
            if (!first.isAnswered()) {
                throw new IllegalStateException("idempotency record " + first.id() + " committed without an answer");
            }
            return new Outcome(first.httpStatus(), first.responseBody(), true);
        }
        String body = JSON.toJson(work.get());
        em.createNativeQuery("UPDATE idempotency_record SET http_status = ?1, response_body = ?2"
                        + " WHERE person_id = ?3 AND idem_key = ?4")
                .setParameter(1, status).setParameter(2, body).setParameter(3, personId).setParameter(4, checkedKey)
                .executeUpdate();
        return new Outcome(status, body, false);
    }

    /**
     * A digest of the operation and its parameters as the client meant them. Secrets such as the payment password
     * are never part of it: a retry with the right answer already given must not depend on them.
     */
    public static String fingerprint(String operation, Object... parameters) {
        StringBuilder canonical = new StringBuilder(operation);
        for (Object parameter : parameters) {
            canonical.append('\u001f').append(Objects.toString(parameter, "\u0000"));
        }
        return Hashing.sha256Hex(canonical.toString());
    }

    private static String checked(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(ErrorCode.IDEMPOTENCY_KEY_MISSING);
        }
        if (key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException(ErrorCode.IDEMPOTENCY_KEY_MISSING,
                    "the Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }
}
