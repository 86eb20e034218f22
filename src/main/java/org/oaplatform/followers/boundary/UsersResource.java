package org.oaplatform.followers.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.oaplatform.followers.control.FollowerError;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.wechatapi.boundary.CallingAccount;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;
import org.oaplatform.wechatapi.control.WeChatJson;

/** The WeChat user API of spec §7.1: follower list, user info (one and batch) and remarks. */
@Path("user")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.WILDCARD)
public class UsersResource {

    static final int MAX_BATCH = 100;

    @Inject
    Followers followers;

    @Inject
    FollowerProfiles profiles;

    @Inject
    Tags tags;

    @Inject
    CallingAccount caller;

    @GET
    @Path("get")
    @CgiEndpoint(path = "/cgi-bin/user/get", dailyQuota = 500, capability = Capability.USER_MANAGEMENT)
    public String list(@QueryParam("next_openid") String nextOpenid) {
        return page(followers.page(caller.account(), nextOpenid), true);
    }

    @POST
    @Path("tag/get")
    @CgiEndpoint(path = "/cgi-bin/user/tag/get", dailyQuota = 100_000, capability = Capability.USER_MANAGEMENT)
    public String tagMembers(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        return page(tags.members(caller.account(), TagsResource.tagId(request.get("tagid")),
                WeChatJson.string(request, "next_openid")), false);
    }

    /**
     * A page of openids as WeChat writes it: {@code data} only when there are openids (WxJava fails on a {@code data}
     * without its array), {@code next_openid} empty at the end.
     */
    static String page(Followers.Page page, boolean withTotal) {
        JsonObjectBuilder answer = JSON.createObjectBuilder();
        if (withTotal) {
            answer.add("total", page.total());
        }
        answer.add("count", page.openids().size());
        if (!page.openids().isEmpty()) {
            JsonArrayBuilder openids = JSON.createArrayBuilder();
            page.openids().forEach(openids::add);
            answer.add("data", JSON.createObjectBuilder().add("openid", openids));
        }
        return answer.add("next_openid", page.nextOpenid() == null ? "" : page.nextOpenid()).build().toString();
    }

    @GET
    @Path("info")
    @CgiEndpoint(path = "/cgi-bin/user/info", dailyQuota = 5_000_000, capability = Capability.USER_MANAGEMENT)
    public String info(@QueryParam("openid") String openid) {
        return info(profiles.profile(caller.account(), openid)).build().toString();
    }

    @POST
    @Path("info/batchget")
    @CgiEndpoint(path = "/cgi-bin/user/info/batchget", dailyQuota = 5_000_000, capability = Capability.USER_MANAGEMENT)
    public String batch(String body) {
        JsonValue list = WeChatJson.parseObject(body).get("user_list");
        if (!(list instanceof JsonArray users) || users.isEmpty()) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "user_list is required");
        }
        if (users.size() > MAX_BATCH) {
            throw new BusinessException(FollowerError.INVALID_OPENID_LIST_SIZE,
                    "user_list has at most " + MAX_BATCH + " entries");
        }
        List<String> openids = new ArrayList<>();
        for (JsonValue user : users) {
            if (!(user instanceof JsonObject entry)) {
                throw new BusinessException(FollowerError.INVALID_OPENID);
            }
            openids.add(WeChatJson.string(entry, "openid"));
        }
        JsonArrayBuilder infos = JSON.createArrayBuilder();
        profiles.profiles(caller.account(), openids).forEach(p -> infos.add(info(p)));
        return JSON.createObjectBuilder().add("user_info_list", infos).build().toString();
    }

    @POST
    @Path("info/updateremark")
    @CgiEndpoint(path = "/cgi-bin/user/info/updateremark", dailyQuota = 10_000, capability = Capability.USER_REMARKS)
    public String remark(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        followers.remark(caller.account(), WeChatJson.string(request, "openid"), WeChatJson.string(request, "remark"));
        return TagsResource.OK;
    }

    /** {@code user/info} as WeChat answers it since 2021: no nickname or avatar, empty strings where SDKs expect them. */
    private static JsonObjectBuilder info(FollowerProfiles.Profile profile) {
        Follower follower = profile.follower();
        JsonObjectBuilder info = JSON.createObjectBuilder().add("subscribe", follower.subscribed() ? 1 : 0)
                .add("openid", follower.openid());
        if (!follower.subscribed()) {
            return info;
        }
        JsonArrayBuilder tagIds = JSON.createArrayBuilder();
        profile.tagIds().forEach(tagIds::add);
        return info.add("nickname", "").add("sex", 0).add("language", profile.language())
                .add("city", "").add("province", "").add("country", "").add("headimgurl", "")
                .add("subscribe_time", follower.subscribeTime().getEpochSecond())
                .add("unionid", profile.unionid())
                .add("remark", follower.remark() == null ? "" : follower.remark())
                .add("groupid", 0)
                .add("tagid_list", tagIds)
                .add("subscribe_scene", follower.subscribeScene() == null ? "ADD_SCENE_OTHERS" : follower.subscribeScene().name())
                .add("qr_scene", follower.qrScene() == null ? 0 : follower.qrScene())
                .add("qr_scene_str", follower.qrSceneStr() == null ? "" : follower.qrSceneStr());
    }
}
