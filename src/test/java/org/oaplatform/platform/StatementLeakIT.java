package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.JdbcConnection;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.RequestContext;
import org.oaplatform.testsupport.Deployments;

/**
 * Inserting rows with database-generated ids must not leave JDBC statements open on the pooled connection. With
 * EclipseLink's {@code getGeneratedKeys()} path every insert left one behind (eclipse-ee4j/eclipselink#2366): the
 * connections of a busy server collected tens of thousands and each new statement got slower. The persistence unit
 * reads the id with {@code LAST_INSERT_ID()} instead; this test fails if that setting is lost.
 */
@ExtendWith(ArquillianExtension.class)
class StatementLeakIT {

    private static final int INSERTS = 40;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war();
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    AuditLog audit;

    @Inject
    RequestContext request;

    @Test
    void insertsWithGeneratedIdsLeaveNoStatementOpen() throws Exception {
        request.begin("statement-leak-test", "127.0.0.1");
        transaction.begin();
        try {
            // The first insert prepares (and the pool caches) the statement; only growth after that is a leak.
            insertAuditEntry(0);
            JdbcConnection driver = em.unwrap(Connection.class).unwrap(JdbcConnection.class);
            int before = driver.getActiveStatementCount();
            for (int i = 1; i <= INSERTS; i++) {
                insertAuditEntry(i);
            }
            int after = driver.getActiveStatementCount();
            assertTrue(after - before < INSERTS / 4, INSERTS + " inserts left " + (after - before)
                    + " more statements open on the connection (" + before + " before, " + after + " after)");
        } finally {
            // Nothing of this test stays in the database.
            transaction.rollback();
        }
    }

    private void insertAuditEntry(int i) {
        audit.record("statement-leak-test", "test:" + i, null);
        em.flush();
    }
}
