package org.oaplatform.platform.control;

import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON-P provider. The static methods of {@code jakarta.json.Json} look the provider up with a
 * {@code ServiceLoader} on every call, which on Payara walks the module class loaders: a fifth of the server CPU of a
 * token-checked call in the hot-path profile (docs/performance.md). Write {@code JSON.createObjectBuilder()},
 * {@code JSON.createReader(...)} and so on; {@code JsonProviderUseTest} keeps {@code JSON.create...} out.
 */
public final class JsonSupport {

    /** Thread-safe: providers and the factories they make may be shared. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {
    }
}
