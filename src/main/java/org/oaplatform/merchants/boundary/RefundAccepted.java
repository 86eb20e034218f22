package org.oaplatform.merchants.boundary;

/** A refund was accepted and its money moved; observed after the commit to finish it at once. */
public record RefundAccepted(long refundId) {
}
