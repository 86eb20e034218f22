package org.oaplatform.conversations.boundary;

import java.time.Instant;
import org.oaplatform.conversations.entity.MessageType;

/**
 * A follower wrote to an account, and the account may see it (not blacklisted). Fired inside the transaction that
 * stored the message: the service window opens its allowance here (spec §4.2), auto-replies answer here; observe
 * {@code during = AFTER_SUCCESS} for anything outside the database.
 */
public record FollowerMessageReceived(long accountId, long personId, long followerId, String openid, long msgId,
        MessageType type, Instant at) {
}
