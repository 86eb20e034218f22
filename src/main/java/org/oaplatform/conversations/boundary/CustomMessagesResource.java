package org.oaplatform.conversations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.wechatapi.boundary.CallingAccount;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;
import org.oaplatform.wechatapi.control.WeChatJson;

/** {@code message/custom/send} and {@code message/custom/typing} (spec §4.1, §4.3), inside the service window. */
@Path("message/custom")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.WILDCARD)
public class CustomMessagesResource {

    static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    /** Spec §1.4: 500 000 customer-service messages a day. Typing counts under its own path; the spec gives it no figure. */
    static final int DAILY_QUOTA = 500_000;

    @Inject
    CustomMessages messages;

    @Inject
    CallingAccount caller;

    @POST
    @Path("send")
    @CgiEndpoint(path = "/cgi-bin/message/custom/send", dailyQuota = DAILY_QUOTA,
            capability = Capability.CUSTOMER_SERVICE_MESSAGES)
    public String send(String body) {
        messages.send(caller.account(), WeChatJson.parseObject(body));
        return OK;
    }

    @POST
    @Path("typing")
    @CgiEndpoint(path = "/cgi-bin/message/custom/typing", dailyQuota = DAILY_QUOTA,
            capability = Capability.CUSTOMER_SERVICE_MESSAGES)
    public String typing(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        messages.typing(caller.account(), WeChatJson.string(request, "touser"),
                WeChatJson.string(request, "command"));
        return OK;
    }
}
