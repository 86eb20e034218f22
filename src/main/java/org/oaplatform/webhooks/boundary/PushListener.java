package org.oaplatform.webhooks.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes pushes off the queue and delivers them (docs/webhooks.md says why a message-driven bean). Bean-managed, so
 * that no transaction is open during the HTTP calls; the message is acknowledged when this returns. A delivery that
 * fails in an unexpected way is logged and left to the recovery timer: the push's state, not the message, is the
 * truth. Only messages carrying a push id are selected: others on the queue are not ours.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Pushes.QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = Pushes.PUSH_ID + " IS NOT NULL")
})
@TransactionManagement(TransactionManagementType.BEAN)
public class PushListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PushListener.class.getName());

    @Inject
    PushDelivery delivery;

    @Override
    public void onMessage(Message message) {
        long pushId;
        try {
            pushId = message.getLongProperty(Pushes.PUSH_ID);
        } catch (JMSException | NumberFormatException e) {
            LOG.log(Level.WARNING, "a delivery message without a readable push id was dropped", e);
            return;
        }
        try {
            delivery.deliver(pushId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "delivery of push " + pushId + " failed; the recovery timer retries it");
        }
    }
}
