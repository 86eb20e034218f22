package org.oaplatform.broadcasts.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oaplatform.platform.control.LockConflicts;

/**
 * Takes broadcast chunks off the queue. Bean-managed, so that a chunk that fails is not redelivered at once in a loop:
 * its row stays PENDING and the recovery timer sends it again a minute later (a chunk that lost a lock conflict runs
 * again at once, {@link #ATTEMPTS}); the chunk's own transaction is {@link FanOut#process}'s. Only messages carrying a
 * broadcast id are selected.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = FanOut.QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = FanOut.BROADCAST_ID + " IS NOT NULL")
})
@TransactionManagement(TransactionManagementType.BEAN)
public class ChunkListener implements MessageListener {

    /**
     * Chunks of one broadcast wait for each other in one direction only (docs/broadcasts.md, "Fan-out"), but two
     * broadcasts of one account fanned out at the same time take the same followers' receipts of the month and can
     * deadlock. The loser rolled back whole and runs again at once rather than a minute later by the timer; the winner
     * has gone on, so the next attempt usually passes. Not counted on {@code oa_lock_conflict_retries}, which counts
     * conflicts of request flows, each a broken lock order.
     */
    static final int ATTEMPTS = 3;
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
        for (int attempt = 1;; attempt++) {
            try {
                fanOut.process(broadcastId, chunkNo);
                return;
            } catch (RuntimeException e) {
                Optional<LockConflicts.Cause> conflict = LockConflicts.cause(e);
                if (conflict.isPresent() && attempt < ATTEMPTS) {
                    int failed = attempt;
                    LOG.info(() -> "chunk " + chunkNo + " of broadcast " + broadcastId + " lost a "
                            + conflict.get().tag() + " (attempt " + failed + "); running it again");
                    continue;
                }
                LOG.log(Level.WARNING, e, () -> "chunk " + chunkNo + " of broadcast " + broadcastId
                        + " failed; the recovery timer sends it again");
                return;
            }
        }
    }
}
