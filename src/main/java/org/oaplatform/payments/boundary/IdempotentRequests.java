package org.oaplatform.payments.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.payments.control.PaymentError;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.InstantConverter;
import org.oaplatform.platform.control.LockConflictRetries;
import org.oaplatform.platform.control.LockConflicts;

/**
 * Exactly-once money requests by the client's {@code Idempotency-Key} (unique per person, like Stripe's). The key
 * is claimed with an insert in the same transaction as the work, so it exists exactly when the money moved:
 * <ul>
 * <li>a retry after success replays the first answer, byte for byte;</li>
 * <li>the same key with other parameters is refused ({@code idempotency-key-reused});</li>
 * <li>a second request racing the first waits on the key's unique index until the first commits (then replays)
 * or rolls back (then runs itself): the work runs once;</li>
 * <li>a request that failed left no key behind, so the client may retry it (nothing moved);</li>
 * <li>a transaction that lost a deadlock or a lock wait is run again, from the start, a few times;</li>
 * <li>a key is remembered for {@code oa.idempotency.retention} (at least a day, like Stripe's); a key used again
 * after that is a new request.</li>
 * </ul>
 * A request whose work ends outside its transaction (a top-up waits for the bank after it is recorded) stores a
 * provisional answer first; whoever finishes the work {@link #complete completes} it, or {@link #forget forgets} the
 * key when nothing was moved.
 */
@Stateless
public class IdempotentRequests {

    /** Attempts of a request whose transaction lost a deadlock or a lock wait; each attempt starts afresh. */
    static final int ATTEMPTS = 4;

    /** Keys are kept at least this long: clients retry within hours, and a retry must not move money twice. */
    static final Duration MINIMUM_RETENTION = Duration.ofDays(1);

    /** Keys forgotten per transaction, so that pruning never holds many row locks for long. */
    static final int PRUNING_BATCH = 5_000;

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Jsonb JSON = JsonbBuilder.create();

    /**
     * An answer that names what its request created or acted on. Its id is stored beside the answer, so that whoever
     * finishes the request later (a replay of a pending top-up, the payout of a withdrawal) needs no JSON parsing.
     */
    public interface Identified {
        String id();
    }

    /**
     * What a request answered: its status and JSON body (byte for byte the first answer on a replay), and the public
     * id of what it created or acted on when its answer is {@link Identified} ({@code null} otherwise).
     */
    public record Outcome(int status, String body, String resourceId, boolean replayed) {

        /** The answer as sent the first time; a replay says so in a header. */
        public Response response() {
            Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
            if (replayed) {
                response.header(REPLAYED_HEADER, "true");
            }
            return response.build();
        }
    }

    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    @Inject
    LockConflictRetries lockConflictRetries;

    @Inject
    @ConfigProperty(name = "oa.idempotency.retention", defaultValue = "P1D")
    Duration retention;

    /**
     * Runs {@code work} once for this person and key, answering {@code status} with its result as JSON.
     *
     * @param fingerprint what makes two requests "the same", see {@link #fingerprint}
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome once(long personId, String key, String fingerprint, int status, Supplier<?> work) {
        String checkedKey = checked(key);
        IdempotentRequests self = context.getBusinessObject(IdempotentRequests.class);
        for (int attempt = 1;; attempt++) {
            try {
                return self.attempt(personId, checkedKey, fingerprint, status, work);
            } catch (RuntimeException e) {
                Optional<LockConflicts.Cause> conflict = LockConflicts.cause(e);
                if (attempt == ATTEMPTS || conflict.isEmpty()) {
                    throw e;
                }
                lockConflictRetries.retried(conflict.get());
                LOG.fine(() -> "retrying a money request after a lock conflict: " + e);
            }
        }
    }

    /** One try in a transaction of its own; a lock conflict rolls all of it back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome attempt(long personId, String checkedKey, String fingerprint, int status, Supplier<?> work) {
        int claimed = em.createNativeQuery("INSERT IGNORE INTO idempotency_record"
                        + " (person_id, idem_key, fingerprint, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, personId).setParameter(2, checkedKey).setParameter(3, fingerprint)
                .setParameter(4, InstantConverter.utc(clock.instant())).executeUpdate();
        if (claimed == 0) {
            // A shared locking read: it sees the first request's committed row even if this transaction's snapshot is
            // older, and many retries waiting on one key can all hold it at once (an exclusive lock taken after the
            // shared one the insert left would deadlock them against each other).
            Object[] first = (Object[]) em.createNativeQuery("SELECT fingerprint, http_status, response_body,"
                            + " resource_id FROM idempotency_record WHERE person_id = ?1 AND idem_key = ?2"
                            + " LOCK IN SHARE MODE")
                    .setParameter(1, personId).setParameter(2, checkedKey).getSingleResult();
            if (!fingerprint.equals(first[0])) {
                throw new BusinessException(PaymentError.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was first used for a different request; use a new key");
            }
            if (first[1] == null) {
                throw new IllegalStateException("an idempotency record was committed without an answer");
            }
            return new Outcome(((Number) first[1]).intValue(), (String) first[2], (String) first[3], true);
        }
        Object answer = work.get();
        String body = JSON.toJson(answer);
        String resourceId = answer instanceof Identified identified ? identified.id() : null;
        em.createNativeQuery("UPDATE idempotency_record SET http_status = ?1, response_body = ?2, resource_id = ?3"
                        + " WHERE person_id = ?4 AND idem_key = ?5")
                .setParameter(1, status).setParameter(2, body).setParameter(3, resourceId).setParameter(4, personId)
                .setParameter(5, checkedKey).executeUpdate();
        return new Outcome(status, body, resourceId, false);
    }

    /**
     * Replaces the provisional answer of a claimed key with the final one, in the caller's transaction (the one that
     * finished the work); returns the body as stored. Nothing happens if the key was already forgotten.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String complete(long personId, String key, int status, Object answer) {
        String body = JSON.toJson(answer);
        em.createNativeQuery("UPDATE idempotency_record SET http_status = ?1, response_body = ?2"
                        + " WHERE person_id = ?3 AND idem_key = ?4")
                .setParameter(1, status).setParameter(2, body).setParameter(3, personId).setParameter(4, key)
                .executeUpdate();
        return body;
    }

    /** Forgets a key whose request ended without moving money, so that the client may use it again. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void forget(long personId, String key) {
        em.createNativeQuery("DELETE FROM idempotency_record WHERE person_id = ?1 AND idem_key = ?2")
                .setParameter(1, personId).setParameter(2, key).executeUpdate();
    }

    /** Outside a transaction: each batch commits on its own, and a long backlog cannot hit the timer's timeout. */
    @Schedule(hour = "*", minute = "41", persistent = true, info = "idempotency-pruning")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pruneOnSchedule() {
        prune();
    }

    /** Forgets the keys older than the retention, a batch per transaction; returns how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int prune() {
        Duration kept = retention;
        if (kept.compareTo(MINIMUM_RETENTION) < 0) {
            LOG.warning(() -> "oa.idempotency.retention=" + retention + " is shorter than a day; keeping keys for "
                    + MINIMUM_RETENTION);
            kept = MINIMUM_RETENTION;
        }
        Instant cutoff = clock.instant().minus(kept);
        IdempotentRequests self = context.getBusinessObject(IdempotentRequests.class);
        int forgotten = 0;
        int batch;
        do {
            batch = self.pruneBatch(cutoff);
            forgotten += batch;
        } while (batch == PRUNING_BATCH);
        if (forgotten > 0) {
            int count = forgotten;
            LOG.info(() -> count + " idempotency key(s) older than " + cutoff + " forgotten");
        }
        return forgotten;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneBatch(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1 ORDER BY created_at LIMIT "
                + PRUNING_BATCH).setParameter(1, InstantConverter.utc(cutoff)).executeUpdate();
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

    /** The key of an Idempotency-Key header, or the client's error when it is missing or malformed. */
    public static String checked(String key) {
        if (key == null || key.isBlank()) {
            throw new BusinessException(PaymentError.IDEMPOTENCY_KEY_MISSING);
        }
        if (key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new BusinessException(PaymentError.IDEMPOTENCY_KEY_MISSING,
                    "the Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }
}
