package org.oaplatform.merchants.entity;

/** An order's {@code trade_state} as orderquery reports it; REFUND once any refund of a paid order was accepted. */
public enum TradeState {
    NOTPAY, SUCCESS, CLOSED, REFUND
}
