package org.oaplatform.menus.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.menus.entity.ClientPlatform;

/**
 * Client API: the menu a follower sees in their conversation with an account. The client says its platform with
 * {@code ?platform=IOS|ANDROID|OTHER} (conditional menus may be for one); without it, menus for one platform are
 * not shown. Its own path, not under a {@code conversations} resource, so that it takes nothing from one.
 */
@Path("conversations/{appid}/menu")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FollowerMenuResource {

    @Inject
    FollowerMenus menus;

    @Inject
    CurrentPerson currentPerson;

    @GET
    public MenuView menu(@PathParam("appid") String appId, @QueryParam("platform") ClientPlatform platform) {
        return menus.menuOf(currentPerson.id(), appId, platform).menu().map(MenuView::of).orElseGet(MenuView::none);
    }
}
