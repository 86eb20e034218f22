package org.oaplatform.platform.control;

import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, the network cut, the pool unable to
 * hand out a connection) from every other failure, however EJB, JTA, EclipseLink, Flyway or the pool wrapped it. Such a
 * failure is nobody's bug and goes away by itself: the surfaces answer "system busy, retry" instead of a 500.
 * <p>
 * Classified by the types of the causes, never by message text: the JDBC connection exceptions (the MySQL driver's
 * "communications link failure" is an {@link SQLRecoverableException}), SQLState class {@code 08} (SQL's own
 * "connection exception") on any other {@link SQLException}, and the Connector API's
 * {@link ResourceAllocationException}, which Payara's pool throws when it cannot get a connection, and XA's "resource
 * manager unavailable" ({@code XAER_RMFAIL}) when the transaction manager cannot reach it.
 */
public final class DatabaseOutages {

    private DatabaseOutages() {
    }

    public static boolean causedBy(Throwable thrown) {
        return Causes.of(thrown).anyMatch(DatabaseOutages::isOutage);
    }

    private static boolean isOutage(Throwable t) {
        return t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                || t instanceof ResourceAllocationException
                || t instanceof XAException xa && xa.errorCode == XAException.XAER_RMFAIL;
    }
}
