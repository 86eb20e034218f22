package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Collections;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.testsupport.DatabaseAndQueueWork;
import org.oaplatform.testsupport.Deployments;

/**
 * The JDBC pool is non-XA (server-config/resources.asadmin), so a transaction that also sends JMS depends on Payara
 * committing the database as the last agent. Both ways out of such a transaction must treat the two alike.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseAndQueueTransactionIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClasses(Deployments.class, DatabaseAndQueueWork.class,
                DatabaseAndQueueWork.Failed.class);
    }

    @Inject
    DatabaseAndQueueWork work;

    @Inject
    AuditLog audit;

    @Inject
    JMSContext jms;

    @Resource(lookup = DatabaseAndQueueWork.QUEUE)
    Queue queue;

    @Test
    void aRollbackUndoesTheRowAndTheMessageTogether() throws Exception {
        String marker = "rollback-" + UUID.randomUUID();

        EJBException failure = assertThrows(EJBException.class, () -> work.recordAndSend(marker, true));

        assertEquals(DatabaseAndQueueWork.Failed.class, failure.getCause().getClass());
        assertEquals(0, audit.about(marker).size(), "the row rolled back");
        assertEquals(0, messagesMarked(marker), "the message rolled back");
    }

    @Test
    void aCommitKeepsTheRowAndTheMessageTogether() throws Exception {
        String marker = "commit-" + UUID.randomUUID();

        work.recordAndSend(marker, false);

        assertEquals(1, audit.about(marker).size(), "the row committed");
        assertEquals(1, messagesMarked(marker), "the message committed");
        try (JMSConsumer consumer = jms.createConsumer(queue, selecting(marker))) {
            assertEquals("delivery " + marker, consumer.receive(5_000).getBody(String.class), "taken off the queue");
        }
    }

    private long messagesMarked(String marker) throws Exception {
        try (QueueBrowser browser = jms.createBrowser(queue, selecting(marker))) {
            return Collections.list(browser.getEnumeration()).stream().map(Message.class::cast).count();
        }
    }

    private static String selecting(String marker) {
        return DatabaseAndQueueWork.MARKER + " = '" + marker + "'";
    }
}
