package org.oaplatform.platform.control;

import java.sql.SQLException;

/**
 * Recognises the failures that mean "another transaction was in the way": a deadlock the database broke by rolling
 * this transaction back (MySQL/MariaDB error 1213, SQLSTATE 40001) or a lock wait that timed out (1205). The whole
 * transaction was undone, so running it again is safe and usually succeeds.
 */
public final class LockConflicts {

    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private LockConflicts() {
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
