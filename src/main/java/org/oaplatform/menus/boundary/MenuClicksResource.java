package org.oaplatform.menus.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.menus.entity.ButtonType;
import org.oaplatform.menus.entity.ClientPlatform;

/**
 * Client API: a follower used a menu button ({@code ?platform=} as for the menu, so that the same menu is checked).
 * The answer is the button, and for {@code view} and {@code miniprogram} buttons the url the client opens.
 */
@Path("conversations/{appid}/menu-clicks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MenuClicksResource {

    /** What the client does next: show the button's result, and open {@code openUrl} when there is one. */
    public record ClickView(Long menuId, MenuView.ButtonView button, String openUrl) {
    }

    @Inject
    FollowerMenus menus;

    @Inject
    CurrentPerson currentPerson;

    @POST
    public ClickView click(@PathParam("appid") String appId, @QueryParam("platform") ClientPlatform platform,
            @NotNull(message = "{oa.body.required}") MenuClick click) {
        FollowerMenus.Used used = menus.use(currentPerson.id(), appId, platform, click);
        ButtonType.Target target = used.button().type().target();
        boolean opens = target == ButtonType.Target.URL || target == ButtonType.Target.MINIPROGRAM;
        return new ClickView(used.menu().menu().menuId(), MenuView.ButtonView.of(used.button()),
                opens ? used.button().url() : null);
    }
}
