package org.oaplatform.wechatapi.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.oaplatform.wechatapi.control.WeChatJson;

/** {@code /cgi-bin/token}, {@code /cgi-bin/stable_token} and the basic token-checked calls of spec §1. */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class TokenResource {

    /** Callers of this installation see its own loopback and host addresses as "WeChat's" servers. */
    private static final String[] SERVER_ADDRESSES = {"127.0.0.1"};

    @Inject
    AccessTokens tokens;

    @GET
    @Path("token")
    public String token(@QueryParam("grant_type") String grantType, @QueryParam("appid") String appId,
            @QueryParam("secret") String secret) {
        return answer(tokens.issue(grantType, appId, secret));
    }

    @POST
    @Path("stable_token")
    @Consumes(MediaType.WILDCARD)
    public String stableToken(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        return answer(tokens.stable(WeChatJson.string(request, "grant_type"), WeChatJson.string(request, "appid"),
                WeChatJson.string(request, "secret"), WeChatJson.bool(request, "force_refresh")));
    }

    @GET
    @Path("get_api_domain_ip")
    @CgiEndpoint(path = "/cgi-bin/get_api_domain_ip", dailyQuota = 1_000_000)
    public String apiDomainIps() {
        return addresses();
    }

    @GET
    @Path("getcallbackip")
    @CgiEndpoint(path = "/cgi-bin/getcallbackip", dailyQuota = 1_000_000)
    public String callbackIps() {
        return addresses();
    }

    private static String addresses() {
        var list = JSON.createArrayBuilder();
        for (String address : SERVER_ADDRESSES) {
            list.add(address);
        }
        return JSON.createObjectBuilder().add("ip_list", list).build().toString();
    }

    private static String answer(AccessTokens.Granted granted) {
        return JSON.createObjectBuilder().add("access_token", granted.accessToken())
                .add("expires_in", granted.expiresIn()).build().toString();
    }
}
