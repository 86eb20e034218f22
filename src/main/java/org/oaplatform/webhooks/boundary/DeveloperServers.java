package org.oaplatform.webhooks.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.MemberRole;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.boundary.AuditLog;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.Sealer;
import org.oaplatform.webhooks.control.DeveloperServerClient;
import org.oaplatform.webhooks.control.PushMode;
import org.oaplatform.webhooks.control.PushRequests;
import org.oaplatform.webhooks.control.SafeModeCipher;
import org.oaplatform.webhooks.control.WebhookError;
import org.oaplatform.webhooks.control.WebhookSettings;
import org.oaplatform.webhooks.entity.DeveloperServer;

/**
 * An account's developer server settings (spec §2.1): saved only after the URL answered WeChat's GET handshake, which
 * runs outside any transaction, through the one outbound client. Owners and admins configure it; what they read back
 * has the token and key masked.
 */
@Stateless
public class DeveloperServers {

    /** WeChat's rule for the token: 3 to 32 letters and digits. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{3,32}");

    /** What an operator sets. */
    public record Configuration(String url, String token, String encodingAesKey, PushMode mode, boolean enabled) {

        /** As a form or request gave it: surrounding blanks dropped, a blank key meaning none. */
        public static Configuration entered(String url, String token, String encodingAesKey, PushMode mode,
                boolean enabled) {
            return new Configuration(url == null ? null : url.strip(), token == null ? null : token.strip(),
                    encodingAesKey == null || encodingAesKey.isBlank() ? null : encodingAesKey.strip(), mode, enabled);
        }
    }

    /** What an operator reads: the secrets masked. */
    public record View(String url, String token, String encodingAesKey, PushMode mode, boolean enabled,
            Instant verifiedAt) {
    }

    /**
     * The settings in clear, for the delivery of a push; or, when {@code unavailable} is set, why there are none (a
     * value, not an exception: an application exception would roll back the caller's transaction, which must record
     * the push's end).
     */
    public record Channel(URI url, String token, String encodingAesKey, PushMode mode, String unavailable) {
        static Channel none(String why) {
            return new Channel(null, null, null, null, why);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    OfficialAccounts accounts;

    @Inject
    WebhookSettings settings;

    @Inject
    Sealer sealer;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext context;

    /**
     * Checks the settings, makes the handshake (no transaction is open while the server is called) and, only when
     * the server echoed, saves them.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public View configure(long personId, String appId, Configuration configuration) {
        OfficialAccount account = accounts.requireRole(personId, appId, MemberRole.OWNER, MemberRole.ADMIN).account();
        if (configuration.mode() == null) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "mode is PLAIN, COMPATIBLE or SAFE");
        }
        if (configuration.token() == null || !TOKEN.matcher(configuration.token()).matches()) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "the token is 3 to 32 letters and digits");
        }
        String key = configuration.encodingAesKey() == null || configuration.encodingAesKey().isBlank()
                ? null : configuration.encodingAesKey();
        if (key != null && !SafeModeCipher.isEncodingAesKey(key) || key == null && configuration.mode().encrypts()) {
            throw new BusinessException(WebhookError.INVALID_ENCODING_AES_KEY,
                    configuration.mode() + " mode needs an EncodingAESKey of 43 letters and digits");
        }
        URI url = settings.policy().checkUrl(configuration.url());
        handshake(url, configuration.token());
        return context.getBusinessObject(DeveloperServers.class).store(account.id(), appId, url, configuration, key);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public View store(long accountId, String appId, URI url, Configuration configuration, String key) {
        DeveloperServer server = em.find(DeveloperServer.class, accountId);
        if (server == null) {
            server = new DeveloperServer(accountId);
            em.persist(server);
        }
        server.configure(url.toString(), sealer.seal(configuration.token()), key == null ? null : sealer.seal(key),
                configuration.mode(), configuration.enabled(), clock.instant());
        audit.record("webhook.server-configured", "app:" + appId,
                url + " " + configuration.mode() + (configuration.enabled() ? " enabled" : " disabled"));
        return view(server, configuration.token(), key);
    }

    public View read(long personId, String appId) {
        OfficialAccount account = accounts.requireRole(personId, appId, MemberRole.OWNER, MemberRole.ADMIN).account();
        DeveloperServer server = Optional.ofNullable(em.find(DeveloperServer.class, account.id()))
                .orElseThrow(() -> new BusinessException(WebhookError.DEVELOPER_SERVER_NOT_CONFIGURED));
        return view(server, sealer.open(server.tokenSealed()).orElse(""),
                server.aesKeySealed() == null ? null : sealer.open(server.aesKeySealed()).orElse(""));
    }

    /** Whether the account's pushes go out now. */
    public boolean pushesEnabled(long accountId) {
        DeveloperServer server = em.find(DeveloperServer.class, accountId);
        return server != null && server.enabled();
    }

    /** The settings to deliver a push with, or why there are none. */
    public Channel channel(long accountId) {
        DeveloperServer server = em.find(DeveloperServer.class, accountId);
        if (server == null || !server.enabled()) {
            return Channel.none("developer-server-not-configured: the server was disabled or removed after the push"
                    + " was recorded");
        }
        Optional<String> token = sealer.open(server.tokenSealed());
        Optional<String> key = server.aesKeySealed() == null ? Optional.of("")
                : sealer.open(server.aesKeySealed());
        if (token.isEmpty() || key.isEmpty()) {
            return Channel.none("developer-server-not-configured: the token or key was sealed under another"
                    + " OA_SECRET_KEY; save the server settings again");
        }
        return new Channel(URI.create(server.url()), token.get(), server.aesKeySealed() == null ? null : key.get(),
                server.mode(), null);
    }

    private void handshake(URI url, String token) {
        String echostr = PushRequests.newEchostr();
        URI verification = PushRequests.verification(url, token, Long.toString(clock.instant().getEpochSecond()),
                PushRequests.newNonce(), echostr);
        DeveloperServerClient.Answer answer;
        try {
            answer = settings.client().get(verification);
        } catch (BusinessException e) {
            if (e.code() == WebhookError.WEBHOOK_HTTP_STATUS) {
                // a server that refuses the signature usually says so with a 4xx: the token is the likely cause
                throw new BusinessException(WebhookError.SERVER_VERIFICATION_FAILED,
                        "the server answered " + e.getMessage() + ": check the URL and the token");
            }
            throw e;
        }
        if (!PushRequests.echoed(answer.body(), echostr)) {
            throw new BusinessException(WebhookError.SERVER_VERIFICATION_FAILED,
                    "the server answered HTTP " + answer.status() + " without echoing echostr: check the URL and the token");
        }
    }

    private static View view(DeveloperServer server, String token, String key) {
        return new View(server.url(), mask(token), key == null ? null : mask(key), server.mode(), server.enabled(),
                server.verifiedAt());
    }

    /** Enough to recognise a secret, not to use it. */
    static String mask(String secret) {
        return secret.length() < 8 ? "****" : secret.substring(0, 2) + "****" + secret.substring(secret.length() - 2);
    }
}
