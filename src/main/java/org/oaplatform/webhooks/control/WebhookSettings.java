package org.oaplatform.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.platform.control.Settings;

/**
 * The installation's outbound rules for developer servers: {@code OA_WEBHOOK_ALLOW_PRIVATE} opens loopback and
 * private addresses (where a developer's test server lives); unset, it follows dev mode, so a production
 * installation refuses them unless told otherwise.
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "oa.webhook.allow-private")
    Optional<Boolean> allowPrivate;

    @Inject
    Settings settings;

    public boolean allowsPrivateAddresses() {
        return allowPrivate.orElse(settings.devMode());
    }

    public OutboundUrlPolicy policy() {
        return new OutboundUrlPolicy(allowsPrivateAddresses());
    }

    /** A client for one call: the setting is read each time, so a test configuration cannot go stale in a bean. */
    public DeveloperServerClient client() {
        return new DeveloperServerClient(policy(), InetAddress::getAllByName, DeliverySchedule.TIMEOUT,
                DeliverySchedule.MAX_REPLY_BYTES);
    }
}
