package org.oaplatform.merchants.boundary;

/** An order was paid and its notification recorded; observed after the commit to send the notification at once. */
public record OrderPaid(long notificationId) {
}
