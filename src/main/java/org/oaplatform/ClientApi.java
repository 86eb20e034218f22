package org.oaplatform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.oaplatform.accounts.boundary.AccountsResource;
import org.oaplatform.accounts.boundary.ClientAuthentication;
import org.oaplatform.broadcasts.boundary.BroadcastDeskResource;
import org.oaplatform.broadcasts.boundary.BroadcastInboxResource;
import org.oaplatform.conversations.boundary.AutoRepliesResource;
import org.oaplatform.conversations.boundary.ConversationsResource;
import org.oaplatform.conversations.boundary.InboxResource;
import org.oaplatform.followers.boundary.FollowingResource;
import org.oaplatform.followers.boundary.QrScansResource;
import org.oaplatform.merchants.boundary.AdminMerchantsResource;
import org.oaplatform.merchants.boundary.MerchantsResource;
import org.oaplatform.merchants.boundary.PaymentCodesResource;
import org.oaplatform.merchants.boundary.PaymentsResource;
import org.oaplatform.menus.boundary.FollowerMenuResource;
import org.oaplatform.menus.boundary.MenuClicksResource;
import org.oaplatform.media.boundary.ClientMediaResource;
import org.oaplatform.officialaccounts.boundary.AdminVerificationsResource;
import org.oaplatform.officialaccounts.boundary.OfficialAccountsResource;
import org.oaplatform.payments.boundary.AdminLedgerResource;
import org.oaplatform.payments.boundary.RedPacketsResource;
import org.oaplatform.payments.boundary.TransfersResource;
import org.oaplatform.payments.boundary.WalletResource;
import org.oaplatform.platform.boundary.ParameterConversion;
import org.oaplatform.platform.boundary.PingResource;
import org.oaplatform.platform.boundary.ProblemMapper;
import org.oaplatform.platform.boundary.ReadinessGate;
import org.oaplatform.platform.boundary.RequestCharset;
import org.oaplatform.platform.boundary.RequestSizeLimit;
import org.oaplatform.webhooks.boundary.DeliveriesResource;
import org.oaplatform.webhooks.boundary.DeveloperServerResource;

/**
 * The client API ({@code /api/v1}) that a mobile app would call: bearer sessions, {@code problem+json} errors.
 * Its classes are listed, not scanned, so that resources and error formats of the two API surfaces never mix.
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(title = "OA Platform", version = "1",
        description = "Client API (/api/v1, problem+json errors) and WeChat-compatible developer API (/cgi-bin, errcode JSON)"))
public class ClientApi extends Application {

    /** No WADL: OPTIONS answers the allowed methods, not a document naming the Jersey version. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ReadinessGate.class, RequestSizeLimit.class, RequestCharset.class, ClientAuthentication.class,
                ProblemMapper.class, ProblemMapper.ValidationFailures.class, ParameterConversion.class,
                PingResource.class,
                AccountsResource.class,
                OfficialAccountsResource.class, AdminVerificationsResource.class,
                FollowingResource.class,
                QrScansResource.class,
                FollowerMenuResource.class, MenuClicksResource.class,
                ClientMediaResource.class,
                DeveloperServerResource.class, DeliveriesResource.class,
                ConversationsResource.class, AutoRepliesResource.class, InboxResource.class,
                BroadcastInboxResource.class, BroadcastDeskResource.class,
                WalletResource.class, TransfersResource.class, RedPacketsResource.class, AdminLedgerResource.class,
                MerchantsResource.class, PaymentsResource.class, AdminMerchantsResource.class,
                PaymentCodesResource.class);
    }
}
