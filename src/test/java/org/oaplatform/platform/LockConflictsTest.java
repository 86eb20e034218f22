package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.LockConflicts.Cause;
import org.oaplatform.platform.control.LockConflicts;

/** Which failures are lock conflicts, and which kind: the retry counter on /metrics is tagged by it. */
class LockConflictsTest {

    @Test
    void aDeadlockDeepInTheCausesIsOne() {
        RuntimeException wrapped = new RuntimeException(new PersistenceException(
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)));
        assertEquals(Optional.of(Cause.DEADLOCK), LockConflicts.cause(wrapped));
        assertTrue(LockConflicts.isRetryable(wrapped));
    }

    @Test
    void aLockWaitTimeoutIsOneOfItsOwnKind() {
        SQLException timeout = new SQLException("Lock wait timeout exceeded", "HY000", 1205);
        assertEquals(Optional.of(Cause.LOCK_WAIT_TIMEOUT), LockConflicts.cause(new PersistenceException(timeout)));
    }

    @Test
    void otherFailuresAreNone() {
        assertEquals(Optional.empty(), LockConflicts.cause(new SQLException("Duplicate entry", "23000", 1062)));
        assertFalse(LockConflicts.isRetryable(new IllegalStateException("no cause")));
    }
}
