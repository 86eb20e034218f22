package org.oaplatform.webhooks.entity;

/** Where a push is: waiting for its next attempt, leased to an instance for one, or done either way. */
public enum PushState {
    PENDING, IN_FLIGHT, DELIVERED, FAILED
}
