package org.oaplatform.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.Settings;

/**
 * The one {@link BankGateway} of this installation, chosen by {@code OA_BANK_GATEWAY} (docs/bank-gateway.md). The
 * implementations are not beans themselves, so the wallet's {@code @Inject BankGateway} has exactly one candidate,
 * this producer, on any CDI container. The choice is made when the application starts, not at the first top-up: a
 * wrong setting fails the deployment with a sentence naming it, and the sandbox's warning is the first thing in the
 * log.
 */
@ApplicationScoped
public class BankGateways {

    private static final Logger LOG = Logger.getLogger(BankGateways.class.getName());

    @Inject
    Settings settings;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "oa.bank.gateway")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "oa.bank.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "oa.bank.merchant-id")
    Optional<String> merchantId;

    @Inject
    @ConfigProperty(name = "oa.bank.signing-key")
    Optional<String> signingKey;

    @Inject
    @ConfigProperty(name = "oa.bank.timeout", defaultValue = "PT15S")
    String timeout;

    private BankGateway chosen;

    void chooseAtStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        gateway();
    }

    @Produces
    @ApplicationScoped
    synchronized BankGateway gateway() {
        if (chosen == null) {
            chosen = create(kind());
        }
        return chosen;
    }

    public BankGatewayKind kind() {
        return BankGatewayKind.choose(configured, settings.devMode());
    }

    private BankGateway create(BankGatewayKind kind) {
        return switch (kind) {
            case SANDBOX -> {
                LOG.warning("""

                        ************************************************************************************
                        THE SANDBOX BANK IS ACTIVE (OA_BANK_GATEWAY=sandbox, or dev mode without a setting):
                        made-up card numbers link, and top-ups from them create real wallet balance.
                        Never on an installation that holds real money: set OA_BANK_GATEWAY=http or none.
                        ************************************************************************************""");
                yield new SandboxBank(ids);
            }
            case HTTP -> {
                HttpBankGateway http = new HttpBankGateway(BankConnection.of(url, merchantId, signingKey, timeout),
                        clock);
                LOG.info(() -> "bank gateway: " + http);
                yield http;
            }
            case NONE -> {
                LOG.info("no bank gateway (OA_BANK_GATEWAY=none): card links, top-ups and withdrawals are refused");
                yield new NoBank();
            }
        };
    }
}
