package org.oaplatform.menus.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.oaplatform.menus.control.MenuJson;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.wechatapi.boundary.CallingAccount;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;

/**
 * {@code get_current_selfmenu_info} (spec §3.1): the default menu in the console's shape. Menus are set through the
 * API only here, so the console-only button types never appear; without a menu it is closed and empty.
 */
@Path("get_current_selfmenu_info")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.WILDCARD)
public class SelfMenuResource {

    @Inject
    Menus menus;

    @Inject
    CallingAccount caller;

    @GET
    @CgiEndpoint(path = "/cgi-bin/get_current_selfmenu_info", dailyQuota = 10_000, capability = Capability.CUSTOM_MENU)
    public String current() {
        var byDefault = menus.menus(caller.account()).byDefault();
        JsonArray buttons = byDefault.map(p -> MenuJson.selfMenuButtons(p.buttons()))
                .orElse(JsonArray.EMPTY_JSON_ARRAY);
        return JSON.createObjectBuilder().add("is_menu_open", byDefault.isPresent() ? 1 : 0)
                .add("selfmenu_info", JSON.createObjectBuilder().add("button", buttons)).build().toString();
    }
}
