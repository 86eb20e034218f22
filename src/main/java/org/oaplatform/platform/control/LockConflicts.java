package org.oaplatform.platform.control;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the failures that mean "another transaction was in the way": a deadlock the database broke by rolling
 * this transaction back (MySQL/MariaDB error 1213, SQLSTATE 40001) or a lock wait that timed out (1205), after which
 * running the whole transaction again is safe and usually succeeds ({@link #isRetryable}); and a lost update, which
 * the client is asked to send again ({@link #isLostUpdate}).
 */
public final class LockConflicts {

    private static final Set<String> LOST_UPDATES = Set.of("OptimisticLockException", "StaleObjectStateException");

    /** What was in the way; the name is the tag of the retry counter operators see on {@code /metrics}. */
    public enum Cause {
        DEADLOCK("deadlock"), LOCK_WAIT_TIMEOUT("lock-wait-timeout");

        private final String tag;

        Cause(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private LockConflicts() {
    }

    /**
     * Whether the failure is an optimistic lock that failed: a row changed by another transaction between this one's
     * read and its write ({@code @Version}). Recognised by name as well, since EclipseLink throws its own
     * exception at commit, not the JPA one.
     */
    public static boolean isLostUpdate(Throwable thrown) {
        // By simple name too: the provider's own exception (EclipseLink's OptimisticLockException, Hibernate's
        // StaleObjectStateException) reaches us at commit without the JPA one around it, and naming either provider's
        // package would tie the WAR to it.
        return Causes.of(thrown).anyMatch(t -> t instanceof OptimisticLockException
                || LOST_UPDATES.contains(t.getClass().getSimpleName()));
    }

    public static boolean isRetryable(Throwable thrown) {
        return cause(thrown).isPresent();
    }

    /** The lock conflict somewhere in the chain of causes of {@code thrown}, if there is one. */
    public static Optional<Cause> cause(Throwable thrown) {
        return Causes.of(thrown).filter(SQLException.class::isInstance).map(SQLException.class::cast)
                .map(LockConflicts::causeOf).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Cause> causeOf(SQLException sql) {
        if (sql.getErrorCode() == LOCK_WAIT_TIMEOUT) {
            return Optional.of(Cause.LOCK_WAIT_TIMEOUT);
        }
        if (sql.getErrorCode() == DEADLOCK || "40001".equals(sql.getSQLState())) {
            return Optional.of(Cause.DEADLOCK);
        }
        return Optional.empty();
    }
}
