package org.oaplatform.broadcasts.boundary;

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
 * Takes broadcast chunks off the queue. Bean-managed, so that a chunk that fails is not redelivered at once in a
 * loop: its row stays PENDING and the recovery timer sends it again a minute later; the chunk's own transaction is
 * {@link FanOut#process}'s. Only messages carrying a broadcast id are selected.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = FanOut.QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = FanOut.BROADCAST_ID + " IS NOT NULL")
})
@TransactionManagement(TransactionManagementType.BEAN)
public class ChunkListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChunkListener.class.getName());

    @Inject
    FanOut fanOut;

    @Override
    public void onMessage(Message message) {
        long broadcastId;
        int chunkNo;
        try {
            broadcastId = message.getLongProperty(FanOut.BROADCAST_ID);
            chunkNo = message.getIntProperty(FanOut.CHUNK_NO);
        } catch (JMSException | NumberFormatException e) {
            LOG.log(Level.WARNING, "a broadcast chunk message without readable ids was dropped", e);
            return;
        }
        try {
            fanOut.process(broadcastId, chunkNo);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "chunk " + chunkNo + " of broadcast " + broadcastId
                    + " failed; the recovery timer sends it again");
        }
    }
}
