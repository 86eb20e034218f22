package org.oaplatform.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.oaplatform.payments.control.BankGatewayKind;
import org.oaplatform.payments.control.BankGateways;

/**
 * Shows on {@code /health} which bank this installation uses, so that an operator sees the sandbox at a glance. Always
 * UP: the provider is not called here, because the platform serves everything but top-ups and withdrawals without it
 * and a load balancer must not take every instance out when the provider has an outage.
 */
@Readiness
@ApplicationScoped
public class BankGatewayHealthCheck implements HealthCheck {

    @Inject
    BankGateways gateways;

    @Override
    public HealthCheckResponse call() {
        BankGatewayKind kind = gateways.kind();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("bank-gateway").up()
                .withData("gateway", kind.configName());
        return switch (kind) {
            case SANDBOX -> response.withData("warning",
                    "the sandbox bank is active: made-up cards create real balance; never in production").build();
            case NONE -> response.withData("note", "no bank is configured: card links, top-ups and withdrawals are"
                    + " refused").build();
            case HTTP -> response.build();
        };
    }
}
