package org.oaplatform.merchants.boundary;

/** A notification (of a payment or a refund) was recorded; observed after the commit to send it at once. */
public record NotificationOwed(long notificationId) {
}
