package org.oaplatform.merchants.entity;

import java.util.Optional;

/** How an order is paid: NATIVE by scanning its {@code code_url}; JSAPI by the follower its openid names. */
public enum TradeType {
    NATIVE, JSAPI;

    /** Empty for WeChat's other kinds (APP, MWEB, MICROPAY), which this platform does not offer. */
    public static Optional<TradeType> ofWire(String value) {
        for (TradeType type : values()) {
            if (type.name().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
