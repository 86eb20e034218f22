package org.oaplatform.broadcasts.boundary;

import java.time.Instant;

/**
 * A broadcast's last chunk was fanned out; fired in that chunk's transaction, so that the webhooks component records
 * the {@code MASSSENDJOBFINISH} push with it.
 */
public record BroadcastFinished(long accountId, long msgId, long totalCount, long filterCount, long sentCount,
        long errorCount, Instant at) {
}
