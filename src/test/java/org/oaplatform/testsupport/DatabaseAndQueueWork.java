package org.oaplatform.testsupport;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.oaplatform.platform.boundary.AuditLog;

/**
 * A test-only boundary whose one transaction writes a row and sends a message, as webhook deliveries will: the
 * database pool is non-XA, so only Payara's last-agent optimisation keeps the two together.
 */
@Stateless
public class DatabaseAndQueueWork {

    public static final String QUEUE = "jms/oaplatform/WebhookDeliveries";
    public static final String MARKER = "marker";

    /** Thrown after both writes, so the container rolls the transaction back. */
    public static class Failed extends RuntimeException {
        public Failed() {
            super("failing on purpose after the row and the message");
        }
    }

    @Inject
    AuditLog audit;

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    public void recordAndSend(String marker, boolean fail) {
        audit.record("test.jms-and-database", marker, null);
        jms.createProducer().setProperty(MARKER, marker).send(queue, "delivery " + marker);
        if (fail) {
            throw new Failed();
        }
    }
}
