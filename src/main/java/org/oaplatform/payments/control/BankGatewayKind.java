package org.oaplatform.payments.control;

import java.util.Locale;
import java.util.Optional;

/** Which bank an installation talks to, as {@code OA_BANK_GATEWAY} names it. */
public enum BankGatewayKind {
    /** Made-up cards that create real balance: development and demos only. */
    SANDBOX,
    /** A payment service provider over signed HTTP ({@link HttpBankGateway}). */
    HTTP,
    /** No bank: cards, top-ups and withdrawals are refused. */
    NONE;

    /**
     * Without a setting, dev mode gets the sandbox and everything else no bank, so that a production domain never
     * mints balance from a made-up card because someone forgot a variable.
     *
     * @throws IllegalArgumentException for a value that names no gateway, so that a typo fails the deployment
     *     instead of silently switching the bank off (or on)
     */
    public static BankGatewayKind choose(Optional<String> configured, boolean devMode) {
        String value = configured.map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        if (value == null) {
            return devMode ? SANDBOX : NONE;
        }
        for (BankGatewayKind kind : values()) {
            if (kind.configName().equals(value.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("OA_BANK_GATEWAY must be sandbox, http or none, not '" + value + "'");
    }

    /** The word {@code OA_BANK_GATEWAY} and {@code /health} use. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
