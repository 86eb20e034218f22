package org.oaplatform.menus.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.oaplatform.menus.control.MenuError;
import org.oaplatform.menus.control.MenuJson;
import org.oaplatform.menus.control.MenuRules;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.wechatapi.boundary.CallingAccount;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;
import org.oaplatform.wechatapi.control.WeChatJson;

/**
 * WeChat's custom menu API (spec §3.1): the default menu, and conditional menus for verified accounts. Quotas are
 * spec §1.4's; {@code get_current_selfmenu_info} is {@link SelfMenuResource}.
 */
@Path("menu")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.WILDCARD)
public class MenusResource {

    static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    @Inject
    Menus menus;

    @Inject
    CallingAccount caller;

    @POST
    @Path("create")
    @CgiEndpoint(path = "/cgi-bin/menu/create", dailyQuota = 1_000, capability = Capability.CUSTOM_MENU)
    public String create(String body) {
        menus.create(caller.account(), MenuRules.buttons(WeChatJson.parseObject(body).get("button")));
        return OK;
    }

    @GET
    @Path("get")
    @CgiEndpoint(path = "/cgi-bin/menu/get", dailyQuota = 10_000, capability = Capability.CUSTOM_MENU)
    public String get() {
        Menus.AccountMenus current = menus.menus(caller.account());
        Menus.Published byDefault = current.byDefault()
                .orElseThrow(() -> new BusinessException(MenuError.MENU_NOT_FOUND));
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("menu", JSON.createObjectBuilder()
                .add("button", MenuJson.buttons(byDefault.buttons())).add("menuid", byDefault.menu().menuId()));
        if (!current.conditional().isEmpty()) {
            JsonArrayBuilder conditional = JSON.createArrayBuilder();
            current.conditional().forEach(p -> conditional.add(JSON.createObjectBuilder()
                    .add("button", MenuJson.buttons(p.buttons())).add("matchrule", MenuJson.matchRule(p.menu().rule()))
                    .add("menuid", p.menu().menuId())));
            answer.add("conditionalmenu", conditional);
        }
        return answer.build().toString();
    }

    @GET
    @Path("delete")
    @CgiEndpoint(path = "/cgi-bin/menu/delete", dailyQuota = 1_000, capability = Capability.CUSTOM_MENU)
    public String delete() {
        menus.deleteAll(caller.account());
        return OK;
    }

    @POST
    @Path("addconditional")
    @CgiEndpoint(path = "/cgi-bin/menu/addconditional", dailyQuota = 2_000, capability = Capability.PERSONALIZED_MENU)
    public String addConditional(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        long menuId = menus.addConditional(caller.account(), MenuRules.buttons(request.get("button")),
                MenuRules.matchRule(request.get("matchrule")));
        return JSON.createObjectBuilder().add("menuid", String.valueOf(menuId)).build().toString();
    }

    @POST
    @Path("delconditional")
    @CgiEndpoint(path = "/cgi-bin/menu/delconditional", dailyQuota = 2_000, capability = Capability.PERSONALIZED_MENU)
    public String deleteConditional(String body) {
        String menuId = WeChatJson.string(WeChatJson.parseObject(body), "menuid");
        try {
            menus.deleteConditional(caller.account(), Long.parseLong(menuId == null ? "" : menuId.strip()));
        } catch (NumberFormatException notAMenuId) {
            throw new BusinessException(MenuError.CONDITIONAL_MENU_NOT_FOUND, "menuid must be a number");
        }
        return OK;
    }

    @POST
    @Path("trymatch")
    @CgiEndpoint(path = "/cgi-bin/menu/trymatch", dailyQuota = 20_000, capability = Capability.PERSONALIZED_MENU)
    public String tryMatch(String body) {
        String userId = WeChatJson.string(WeChatJson.parseObject(body), "user_id");
        Menus.Published seen = menus.tryMatch(caller.account(), userId);
        return JSON.createObjectBuilder().add("button", MenuJson.buttons(seen.buttons())).build().toString();
    }
}
