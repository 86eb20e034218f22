package org.oaplatform.platform.control;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;

/**
 * Recognises the failures that mean "another transaction was in the way": a deadlock the database broke by rolling
 * this transaction back (MySQL/MariaDB error 1213, SQLSTATE 40001) or a lock wait that timed out (1205), after which
 * running the whole transaction again is safe and usually succeeds ({@link #isRetryable}); and a lost update, which
 * the client is asked to send again ({@link #isLostUpdate}).
 */
public final class LockConflicts {

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
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t.getClass().getName().equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    public static boolean isRetryable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK
                    || sql.getErrorCode() == LOCK_WAIT_TIMEOUT || "40001".equals(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
