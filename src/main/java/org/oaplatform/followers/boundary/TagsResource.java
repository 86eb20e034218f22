package org.oaplatform.followers.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.oaplatform.followers.control.FollowerError;
import org.oaplatform.followers.entity.Tag;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.wechatapi.boundary.CallingAccount;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;
import org.oaplatform.wechatapi.control.WeChatJson;

/** The WeChat tag and blacklist API of spec §7.2 and §7.3 (the tag's member list lives at {@code user/tag/get}). */
@Path("tags")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.WILDCARD)
public class TagsResource {

    static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    @Inject
    Tags tags;

    @Inject
    CallingAccount caller;

    @POST
    @Path("create")
    @CgiEndpoint(path = "/cgi-bin/tags/create", dailyQuota = 1_000, capability = Capability.USER_MANAGEMENT)
    public String create(String body) {
        Tag tag = tags.create(caller.account(), WeChatJson.string(tagObject(body), "name"));
        return JSON.createObjectBuilder().add("tag", JSON.createObjectBuilder().add("id", tag.tagId())
                .add("name", tag.name())).build().toString();
    }

    @GET
    @Path("get")
    @CgiEndpoint(path = "/cgi-bin/tags/get", dailyQuota = 1_000, capability = Capability.USER_MANAGEMENT)
    public String list() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        tags.list(caller.account()).forEach(t -> list.add(JSON.createObjectBuilder().add("id", t.tag().tagId())
                .add("name", t.tag().name()).add("count", t.count())));
        return JSON.createObjectBuilder().add("tags", list).build().toString();
    }

    @POST
    @Path("update")
    @CgiEndpoint(path = "/cgi-bin/tags/update", dailyQuota = 1_000, capability = Capability.USER_MANAGEMENT)
    public String update(String body) {
        JsonObject tag = tagObject(body);
        tags.rename(caller.account(), tagId(tag.get("id")), WeChatJson.string(tag, "name"));
        return OK;
    }

    @POST
    @Path("delete")
    @CgiEndpoint(path = "/cgi-bin/tags/delete", dailyQuota = 1_000, capability = Capability.USER_MANAGEMENT)
    public String delete(String body) {
        tags.delete(caller.account(), tagId(tagObject(body).get("id")));
        return OK;
    }

    @POST
    @Path("members/batchtagging")
    @CgiEndpoint(path = "/cgi-bin/tags/members/batchtagging", dailyQuota = 100_000, capability = Capability.USER_MANAGEMENT)
    public String tag(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        tags.tag(caller.account(), tagId(request.get("tagid")), openids(request));
        return OK;
    }

    @POST
    @Path("members/batchuntagging")
    @CgiEndpoint(path = "/cgi-bin/tags/members/batchuntagging", dailyQuota = 100_000, capability = Capability.USER_MANAGEMENT)
    public String untag(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        tags.untag(caller.account(), tagId(request.get("tagid")), openids(request));
        return OK;
    }

    @POST
    @Path("getidlist")
    @CgiEndpoint(path = "/cgi-bin/tags/getidlist", dailyQuota = 100_000, capability = Capability.USER_MANAGEMENT)
    public String tagsOfFollower(String body) {
        String openid = WeChatJson.string(WeChatJson.parseObject(body), "openid");
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        tags.tagIdsOf(tags.follower(caller.account(), openid)).forEach(ids::add);
        return JSON.createObjectBuilder().add("tagid_list", ids).build().toString();
    }

    @POST
    @Path("members/getblacklist")
    @CgiEndpoint(path = "/cgi-bin/tags/members/getblacklist", dailyQuota = 10_000, capability = Capability.USER_MANAGEMENT)
    public String blacklist(String body) {
        String begin = body == null || body.isBlank() ? null : WeChatJson.string(WeChatJson.parseObject(body), "begin_openid");
        return UsersResource.page(tags.blacklist(caller.account(), begin), true);
    }

    @POST
    @Path("members/batchblacklist")
    @CgiEndpoint(path = "/cgi-bin/tags/members/batchblacklist", dailyQuota = 10_000, capability = Capability.USER_MANAGEMENT)
    public String block(String body) {
        tags.blacklist(caller.account(), openids(WeChatJson.parseObject(body)));
        return OK;
    }

    @POST
    @Path("members/batchunblacklist")
    @CgiEndpoint(path = "/cgi-bin/tags/members/batchunblacklist", dailyQuota = 10_000, capability = Capability.USER_MANAGEMENT)
    public String unblock(String body) {
        tags.unblacklist(caller.account(), openids(WeChatJson.parseObject(body)));
        return OK;
    }

    private static JsonObject tagObject(String body) {
        JsonValue tag = WeChatJson.parseObject(body).get("tag");
        if (!(tag instanceof JsonObject object)) {
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "tag is required");
        }
        return object;
    }

    /** A tag id as a JSON number, or as a string of digits as some SDKs send it. */
    static int tagId(JsonValue value) {
        try {
            if (value instanceof JsonNumber number) {
                return number.intValueExact();
            }
            if (value instanceof JsonString text) {
                return Integer.parseInt(text.getString().trim());
            }
        } catch (ArithmeticException | NumberFormatException notATagId) {
            throw new BusinessException(FollowerError.INVALID_TAG_ID);
        }
        throw new BusinessException(FollowerError.INVALID_TAG_ID);
    }

    private static List<String> openids(JsonObject request) {
        JsonValue list = request.get("openid_list");
        if (!(list instanceof JsonArray array)) {
            throw new BusinessException(FollowerError.INVALID_OPENID_LIST_SIZE, "openid_list is required");
        }
        List<String> openids = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s)) {
                throw new BusinessException(FollowerError.INVALID_OPENID);
            }
            openids.add(s.getString());
        }
        return openids;
    }
}
