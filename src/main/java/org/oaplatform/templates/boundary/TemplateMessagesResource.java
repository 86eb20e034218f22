package org.oaplatform.templates.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

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

/** {@code message/template/send} (spec §5.1). WxJava reads {@code errcode} unconditionally, so it is always there. */
@Path("message/template")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.WILDCARD)
public class TemplateMessagesResource {

    @Inject
    TemplateMessages messages;

    @Inject
    CallingAccount caller;

    @POST
    @Path("send")
    @CgiEndpoint(path = "/cgi-bin/message/template/send", dailyQuota = 100_000,
            capability = Capability.TEMPLATE_MESSAGES)
    public String send(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        long msgId = messages.send(caller.account(), new TemplateMessages.Request(
                WeChatJson.string(request, "touser"), WeChatJson.string(request, "template_id"),
                request.get("data"), WeChatJson.string(request, "url"), request.get("miniprogram"),
                WeChatJson.string(request, "client_msg_id")));
        return JSON.createObjectBuilder().add("errcode", 0).add("errmsg", "ok").add("msgid", msgId).build()
                .toString();
    }
}
