package org.oaplatform.followers.boundary;

import java.time.Instant;
import org.oaplatform.followers.entity.SubscribeScene;

/**
 * A person started following an account (the webhook component turns it into a {@code subscribe} push). Fired
 * inside the transaction; observe it {@code during = TransactionPhase.AFTER_SUCCESS} to act only on commit.
 */
public record FollowerSubscribed(long accountId, String appId, String openid, SubscribeScene scene, Long qrScene,
        String qrSceneStr, String qrTicket, Instant at) {
}
