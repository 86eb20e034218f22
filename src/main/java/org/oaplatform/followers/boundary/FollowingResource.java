package org.oaplatform.followers.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oaplatform.accounts.boundary.CurrentPerson;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.followers.entity.SubscribeScene;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.OfficialAccount;

/** Client API: the accounts a person follows. Following by search is {@code ADD_SCENE_SEARCH}. */
@Path("me/following")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowingResource {

    /** A class with a public field rather than a record: Payara's OpenAPI scanner fails on constrained records. */
    public static class FollowRequest {
        @NotBlank(message = "{oa.appid.required}")
        public String appid;
    }

    public record FollowingView(String appid, String name, AccountType type, boolean verified, Instant followedAt) {
    }

    @Inject
    Followers followers;

    @Inject
    CurrentPerson currentPerson;

    @Inject
    Clock clock;

    @GET
    public List<FollowingView> following() {
        Instant now = clock.instant();
        return followers.followedBy(currentPerson.id()).stream()
                .map(f -> view(f.account(), f.follower(), now)).toList();
    }

    @POST
    public Response follow(@Valid @NotNull(message = "{oa.body.required}") FollowRequest request) {
        Followers.Followed followed = followers.follow(currentPerson.id(), request.appid.strip(),
                SubscribeScene.ADD_SCENE_SEARCH, null, null, null);
        OfficialAccount account = followers.accountOf(followed.follower());
        FollowingView view = view(account, followed.follower(), clock.instant());
        return followed.started()
                ? Response.created(URI.create("me/following/" + account.appId())).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("{appid}")
    public Response unfollow(@PathParam("appid") String appId) {
        followers.unfollow(currentPerson.id(), appId);
        return Response.noContent().build();
    }

    private static FollowingView view(OfficialAccount account, Follower follower, Instant now) {
        return new FollowingView(account.appId(), account.name(), account.type(), account.isVerifiedAt(now),
                follower.subscribeTime());
    }
}
