package org.oaplatform.merchants.entity;

/** An order's {@code trade_state} as orderquery reports it; REFUND and REVOKED come with refunds and micropay. */
public enum TradeState {
    NOTPAY, SUCCESS, CLOSED
}
