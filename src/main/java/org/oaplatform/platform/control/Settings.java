package org.oaplatform.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Installation-wide settings from MicroProfile Config (environment variables in production: {@code OA_DEV_MODE},
 * {@code OA_PLATFORM_ADMINS}, ...). Defaults are in {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class Settings {

    /** The platform administrator that dev mode's demo data creates. */
    public static final String DEMO_ADMIN_PHONE = "+8613800000000";

    @Inject
    @ConfigProperty(name = "oa.dev-mode", defaultValue = "false")
    boolean devMode;

    @Inject
    @ConfigProperty(name = "oa.platform-admins")
    Optional<String> platformAdminPhones;

    @Inject
    @ConfigProperty(name = "oa.max-request-bytes", defaultValue = "5242880")
    long maxRequestBytes;

    @Inject
    @ConfigProperty(name = "oa.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    @ConfigProperty(name = "oa.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Dev mode loads demo data and opens developer conveniences such as the SMS outbox; never in production. */
    public boolean devMode() {
        return devMode;
    }

    /**
     * Phones (E.164) of the people who administer this installation. In dev mode with none configured, the demo
     * administrator's.
     */
    public Set<String> platformAdminPhones() {
        Set<String> configured = commaSeparated(platformAdminPhones);
        return configured.isEmpty() && devMode ? Set.of(DEMO_ADMIN_PHONE) : configured;
    }

    private static Set<String> commaSeparated(Optional<String> value) {
        return value.stream().flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** Proxies (load balancers) whose {@code X-Forwarded-For} header is believed. */
    public Set<String> trustedProxies() {
        return commaSeparated(trustedProxies);
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /**
     * Where people reach this installation, e.g. {@code https://oa.example.com}, without a trailing slash: links that
     * leave the server (the content of QR codes) are built on it, never on the address a request happened to use.
     */
    public String publicUrl() {
        return publicUrl.replaceAll("/+$", "");
    }
}
