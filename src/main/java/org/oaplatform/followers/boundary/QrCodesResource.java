package org.oaplatform.followers.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.oaplatform.followers.control.QrCodeRules;
import org.oaplatform.followers.entity.QrCode;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.wechatapi.boundary.CallingAccount;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;
import org.oaplatform.wechatapi.control.WeChatJson;

/** {@code qrcode/create} of spec §8.1: temporary and permanent parametric QR codes. */
@Path("qrcode")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.WILDCARD)
public class QrCodesResource {

    @Inject
    QrCodes qrCodes;

    @Inject
    CallingAccount caller;

    /** Answers the ticket, its lifetime (temporary codes only, as WeChat) and the URL the picture encodes. */
    @POST
    @Path("create")
    @CgiEndpoint(path = "/cgi-bin/qrcode/create", dailyQuota = 100_000, capability = Capability.QR_CODES)
    public String create(String body) {
        QrCodeRules.Request request = QrCodeRules.parse(WeChatJson.parseObject(body));
        QrCode code = qrCodes.create(caller.account(), request);
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("ticket", code.ticket());
        if (!code.permanent()) {
            answer.add("expire_seconds", request.expireSeconds());
        }
        return answer.add("url", qrCodes.urlOf(code)).build().toString();
    }
}
