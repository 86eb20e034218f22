package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.exceptions.CommunicationsException;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.DatabaseOutages;

class DatabaseOutagesTest {

    @Test
    void theDriversCommunicationsLinkFailureWrappedByJpaAndEjbIsAnOutage() {
        var linkFailure = new CommunicationsException("Communications link failure",
                new ConnectException("Connection refused"));
        assertTrue(DatabaseOutages.causedBy(new EJBException(new PersistenceException(linkFailure))));
    }

    @Test
    void thePoolNotHandingOutAConnectionIsAnOutage() {
        // What Payara's DataSource throws: a plain SQLException around the Connector API's allocation failure.
        var pool = new SQLException("Error in allocating a connection",
                new ResourceAllocationException("Connection could not be allocated"));
        assertTrue(DatabaseOutages.causedBy(new EJBTransactionRolledbackException("rolled back",
                new PersistenceException(pool))));
        assertTrue(DatabaseOutages.causedBy(new SQLTransientConnectionException("timed out waiting for a connection")));
    }

    @Test
    void sqlStateClass08IsAConnectionExceptionWhateverTheExceptionType() {
        assertTrue(DatabaseOutages.causedBy(new PersistenceException(new SQLException("gone", "08S01"))));
    }

    @Test
    void anXaResourceManagerThatIsUnavailableIsAnOutage() {
        XAException unavailable = new XAException(XAException.XAER_RMFAIL);
        assertTrue(DatabaseOutages.causedBy(new EJBException(new IllegalStateException("enlist", unavailable))));
        assertFalse(DatabaseOutages.causedBy(new XAException(XAException.XA_RBDEADLOCK)));
    }

    @Test
    void failuresOfTheRequestItselfAreNotOutages() {
        assertFalse(DatabaseOutages.causedBy(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(DatabaseOutages.causedBy(new EJBException(new SQLSyntaxErrorException("bad", "42000"))));
        assertFalse(DatabaseOutages.causedBy(new OptimisticLockException()));
        assertFalse(DatabaseOutages.causedBy(new SQLException("no state")));
        assertFalse(DatabaseOutages.causedBy(new IllegalStateException(new ConnectException("the bank's host"))));
        assertFalse(DatabaseOutages.causedBy(null));
    }
}
