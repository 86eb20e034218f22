package org.oaplatform.merchants.entity;

/**
 * An order's {@code trade_state} as orderquery reports it: USERPAYING while a micropay waits for the payer's payment
 * password, REFUND once any refund of a paid order was accepted, REVOKED when a micropay was reversed (or waited too
 * long). Every order ends SUCCESS, CLOSED, REVOKED or REFUND.
 */
public enum TradeState {
    NOTPAY, USERPAYING, SUCCESS, CLOSED, REFUND, REVOKED
}
