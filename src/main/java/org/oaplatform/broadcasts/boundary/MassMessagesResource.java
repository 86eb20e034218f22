package org.oaplatform.broadcasts.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.oaplatform.accounts.boundary.People;
import org.oaplatform.broadcasts.control.BroadcastError;
import org.oaplatform.broadcasts.control.BroadcastSpeed;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.followers.boundary.Followers;
import org.oaplatform.followers.control.FollowerError;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.wechatapi.boundary.CallingAccount;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;
import org.oaplatform.wechatapi.control.WeChatJson;

/** {@code message/mass/*} (spec §6.1): sendall, send, preview, get and the speed. */
@Path("message/mass")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.WILDCARD)
public class MassMessagesResource {

    /** Spec §1.4: 100 broadcasts a day through the API. */
    static final int DAILY_QUOTA = 100;

    @Inject
    Broadcasts broadcasts;

    @Inject
    BroadcastSpeeds speeds;

    @Inject
    Followers followers;

    @Inject
    People people;

    @Inject
    CallingAccount caller;

    @POST
    @Path("sendall")
    @CgiEndpoint(path = "/cgi-bin/message/mass/sendall", dailyQuota = DAILY_QUOTA, capability = Capability.MASS_SEND)
    public String sendAll(String body) {
        try {
            return submitted(broadcasts.sendAll(caller.account(), WeChatJson.parseObject(body)));
        } catch (Broadcasts.AlreadySent earlier) {
            return alreadySent(earlier);
        }
    }

    @POST
    @Path("send")
    @CgiEndpoint(path = "/cgi-bin/message/mass/send", dailyQuota = DAILY_QUOTA, capability = Capability.MASS_SEND)
    public String send(String body) {
        try {
            return submitted(broadcasts.sendToList(caller.account(), WeChatJson.parseObject(body)));
        } catch (Broadcasts.AlreadySent earlier) {
            return alreadySent(earlier);
        }
    }

    /** To {@code touser} (an openid) or {@code towxname} (the person's handle), who must follow the account. */
    @POST
    @Path("preview")
    @CgiEndpoint(path = "/cgi-bin/message/mass/preview", dailyQuota = DAILY_QUOTA, capability = Capability.MASS_SEND)
    public String preview(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        Follower follower = previewed(request);
        long msgId = broadcasts.preview(caller.account(), follower, request);
        return JSON.createObjectBuilder().add("errcode", 0).add("errmsg", "preview success").add("msg_id", msgId)
                .build().toString();
    }

    @POST
    @Path("get")
    @CgiEndpoint(path = "/cgi-bin/message/mass/get", dailyQuota = 10_000, capability = Capability.MASS_SEND)
    public String get(String body) {
        Broadcast broadcast = broadcasts.get(caller.account(), msgId(WeChatJson.parseObject(body)));
        return JSON.createObjectBuilder().add("msg_id", broadcast.id())
                .add("msg_status", broadcast.status().name()).build().toString();
    }

    /** {@code {"msg_id","article_idx"}}: a sent news or video broadcast, whole (0 or none) or one article. */
    @POST
    @Path("delete")
    @CgiEndpoint(path = "/cgi-bin/message/mass/delete", dailyQuota = 10, capability = Capability.MASS_SEND)
    public String delete(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        String article = WeChatJson.string(request, "article_idx");
        if (article != null && !article.matches("\\d{1,2}")) {
            throw new BusinessException(BroadcastError.NOT_DELETABLE, "article_idx is a number");
        }
        broadcasts.delete(caller.account(), msgId(request), article == null ? 0 : Integer.parseInt(article));
        return "{\"errcode\":0,\"errmsg\":\"ok\"}";
    }

    /** GET as the spec has it; WxJava POSTs ({@link #speedPosted}). */
    @GET
    @Path("speed/get")
    @CgiEndpoint(path = "/cgi-bin/message/mass/speed/get", dailyQuota = 10_000, capability = Capability.MASS_SEND)
    public String speed() {
        return speedOfCaller();
    }

    @POST
    @Path("speed/get")
    @CgiEndpoint(path = "/cgi-bin/message/mass/speed/get", dailyQuota = 10_000, capability = Capability.MASS_SEND)
    public String speedPosted() {
        return speedOfCaller();
    }

    private String speedOfCaller() {
        int level = speeds.level(caller.account());
        return JSON.createObjectBuilder().add("speed", level).add("realspeed", BroadcastSpeed.realSpeed(level))
                .build().toString();
    }

    @POST
    @Path("speed/set")
    @CgiEndpoint(path = "/cgi-bin/message/mass/speed/set", dailyQuota = 10_000, capability = Capability.MASS_SEND)
    public String setSpeed(String body) {
        String speed = WeChatJson.string(WeChatJson.parseObject(body), "speed");
        Integer level = speed == null ? null : speed.matches("-?\\d{1,9}") ? Integer.valueOf(speed) : -1;
        speeds.set(caller.account(), level);
        return "{\"errcode\":0,\"errmsg\":\"ok\"}";
    }

    private static long msgId(JsonObject request) {
        String id = WeChatJson.string(request, "msg_id");
        if (id == null || !id.matches("\\d{1,18}")) {
            throw new BusinessException(BroadcastError.UNKNOWN_BROADCAST, "msg_id is a number");
        }
        return Long.parseLong(id);
    }

    private Follower previewed(JsonObject request) {
        String openid = WeChatJson.string(request, "touser");
        if (openid != null && !openid.isBlank()) {
            return followers.receiver(caller.account(), openid);
        }
        String handle = WeChatJson.string(request, "towxname");
        Follower follower = handle == null || handle.isBlank() ? null : people.byHandleOrPhone(handle, "CN")
                .flatMap(person -> followers.findOfPerson(person.id(), caller.account()))
                .filter(Follower::subscribed).orElse(null);
        if (follower == null) {
            throw new BusinessException(FollowerError.INVALID_OPENID, "touser (an openid) or towxname (a WeChat id"
                    + " of a follower) is required");
        }
        return followers.receiver(caller.account(), follower.openid());
    }

    private static String submitted(Broadcasts.Submitted sent) {
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("errcode", 0)
                .add("errmsg", "send job submission success").add("msg_id", sent.msgId());
        if (sent.news()) {
            // the first half of the msgid of the article analytics (spec §6.1): a positive number of its own
            answer.add("msg_data_id", sent.msgId() >>> 32);
        }
        return answer.build().toString();
    }

    private static String alreadySent(Broadcasts.AlreadySent earlier) {
        return JSON.createObjectBuilder().add("errcode", earlier.code().errcode()).add("errmsg", "clientmsgid exist")
                .add("msg_id", earlier.msgId()).build().toString();
    }
}
