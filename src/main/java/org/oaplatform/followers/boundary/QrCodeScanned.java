package org.oaplatform.followers.boundary;

import java.time.Instant;

/**
 * A person who already follows an account scanned one of its QR codes (WeChat's {@code SCAN} event; a scan that
 * starts a follow is a {@link FollowerSubscribed} instead). Fired inside the transaction; observe it
 * {@code during = TransactionPhase.AFTER_SUCCESS} to act only on commit.
 */
public record QrCodeScanned(long accountId, String appId, String openid, Long sceneId, String sceneStr, String ticket,
        Instant at) {
}
