package org.oaplatform.merchants.entity;

import java.util.Optional;

/**
 * How an order is paid: NATIVE by scanning its {@code code_url}; JSAPI by the follower its openid names; MICROPAY by
 * the merchant scanning the payer's payment code (placed by /pay/micropay, never by unifiedorder).
 */
public enum TradeType {
    NATIVE, JSAPI, MICROPAY;

    /** A unifiedorder trade_type; empty for WeChat's other kinds (APP, MWEB, and MICROPAY, which has its own call). */
    public static Optional<TradeType> ofWire(String value) {
        for (TradeType type : values()) {
            if (type != MICROPAY && type.name().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
