package org.oaplatform.followers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.stream.IntStream;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import me.chanjar.weixin.mp.bean.result.WxMpUserList;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.TestData;

/** Following through the client API and the WeChat user API (spec §7.1), raw and through WxJava. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FollowersApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void followUnfollowAndRefollowKeepTheOpenid() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        Api fan = TestData.person(new Api(base), TestData.cnPhone());

        Reply followed = fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid()).build());
        assertEquals(201, followed.status(), followed.text());
        Reply again = fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid()).build());
        assertEquals(200, again.status(), "following again changes nothing: " + again.text());
        assertTrue(fan.get("api/v1/me/following").text().contains(app.appid()));

        String token = app.token();
        JsonObject list = app.owner().get("cgi-bin/user/get?access_token=" + token + "&next_openid=").json();
        assertEquals(1, list.getInt("total"), list.toString());
        String openid = list.getJsonObject("data").getJsonArray("openid").getString(0);
        assertEquals(28, openid.length());
        assertTrue(openid.matches("[A-Za-z0-9_-]{28}"), openid);

        JsonObject info = app.owner().get("cgi-bin/user/info?access_token=" + token + "&openid=" + openid + "&lang=zh_CN").json();
        assertEquals(1, info.getInt("subscribe"), info.toString());
        assertEquals("ADD_SCENE_SEARCH", info.getString("subscribe_scene"));
        assertEquals("", info.getString("nickname"));
        assertEquals(28, info.getString("unionid").length());

        assertEquals(204, fan.delete("api/v1/me/following/" + app.appid()).status());
        assertEquals(404, fan.delete("api/v1/me/following/" + app.appid()).status());
        JsonObject gone = app.owner().get("cgi-bin/user/info?access_token=" + token + "&openid=" + openid).json();
        assertEquals(0, gone.getInt("subscribe"), gone.toString());
        assertEquals(0, app.owner().get("cgi-bin/user/get?access_token=" + token).json().getInt("total"));

        fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid()).build());
        JsonObject refollowed = app.owner().get("cgi-bin/user/get?access_token=" + token).json();
        assertEquals(openid, refollowed.getJsonObject("data").getJsonArray("openid").getString(0));
    }

    @Test
    void openidsDifferPerAccountAndUnionidsPerOwner() {
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        App first = TestData.verifiedServiceAccount(owner);
        App second = TestData.verifiedServiceAccount(owner);
        App stranger = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        for (App app : List.of(first, second, stranger)) {
            fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid()).build());
        }
        JsonObject a = onlyFollower(first);
        JsonObject b = onlyFollower(second);
        JsonObject c = onlyFollower(stranger);
        assertNotEquals(a.getString("openid"), b.getString("openid"));
        assertEquals(a.getString("unionid"), b.getString("unionid"));
        assertNotEquals(a.getString("unionid"), c.getString("unionid"));
    }

    @Test
    void mainlandPeopleCannotFollowInternationalAccounts() {
        Api ukOwner = TestData.person(new Api(base), TestData.ukPhone());
        String appid = ukOwner.post("api/v1/official-accounts", Json.createObjectBuilder()
                .add("name", TestData.accountName("Intl")).add("type", "SUBSCRIPTION").add("region", "INTERNATIONAL")
                .add("entityType", "INDIVIDUAL").build()).json().getString("appid");
        Api cnFan = TestData.person(new Api(base), TestData.cnPhone());
        Reply refused = cnFan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", appid).build());
        assertEquals(404, refused.status(), refused.text());
        Api ukFan = TestData.person(new Api(base), TestData.ukPhone());
        assertEquals(201, ukFan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", appid).build()).status());
        Reply empty = cnFan.post("api/v1/me/following", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(400, empty.status());
    }

    @Test
    void anotherAccountsTokenNeverReadsThisAccountsFollowers() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        App other = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid()).build());
        String openid = onlyFollower(app).getString("openid");

        String otherToken = other.token();
        Api api = other.owner();
        assertErrcode(40003, api.get("cgi-bin/user/info?access_token=" + otherToken + "&openid=" + openid));
        assertErrcode(40003, api.get("cgi-bin/user/get?access_token=" + otherToken + "&next_openid=" + openid));
        assertErrcode(40003, api.post("cgi-bin/user/info/batchget?access_token=" + otherToken, Json.createObjectBuilder()
                .add("user_list", Json.createArrayBuilder().add(Json.createObjectBuilder().add("openid", openid))).build()));
        assertErrcode(40003, api.post("cgi-bin/user/info/updateremark?access_token=" + otherToken,
                Json.createObjectBuilder().add("openid", openid).add("remark", "mine").build()));
        assertEquals(0, api.get("cgi-bin/user/get?access_token=" + otherToken).json().getInt("total"));
    }

    @Test
    void badInputAndCapabilities() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        Api fan = TestData.person(new Api(base), TestData.cnPhone());
        fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid()).build());
        String openid = onlyFollower(app).getString("openid");
        String token = app.token();
        Api api = app.owner();

        JsonArrayBuilder tooMany = Json.createArrayBuilder();
        IntStream.range(0, 101).forEach(i -> tooMany.add(Json.createObjectBuilder().add("openid", openid)));
        assertErrcode(40032, api.post("cgi-bin/user/info/batchget?access_token=" + token,
                Json.createObjectBuilder().add("user_list", tooMany).build()));
        assertErrcode(47001, api.post("cgi-bin/user/info/batchget?access_token=" + token, "{oops", "application/json"));
        assertErrcode(40003, api.get("cgi-bin/user/info?access_token=" + token + "&openid=nobody"));
        assertErrcode(40003, api.get("cgi-bin/user/info?access_token=" + token));
        assertErrcode(40097, api.post("cgi-bin/user/info/updateremark?access_token=" + token,
                Json.createObjectBuilder().add("openid", openid).add("remark", "x".repeat(31)).build()));
        assertErrcode(0, api.post("cgi-bin/user/info/updateremark?access_token=" + token,
                Json.createObjectBuilder().add("openid", openid).add("remark", "备注：老客户").build()));
        assertEquals("备注：老客户", api.get("cgi-bin/user/info?access_token=" + token + "&openid=" + openid).json()
                .getString("remark"));

        // an unverified subscription account may not manage users
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject unverified = owner.post("api/v1/official-accounts", Json.createObjectBuilder()
                .add("name", TestData.accountName("Sub")).add("type", "SUBSCRIPTION").add("region", "CN")
                .add("entityType", "INDIVIDUAL").build()).json();
        String subToken = new App(owner, unverified.getString("appid"), unverified.getString("secret")).token();
        assertErrcode(48001, owner.get("cgi-bin/user/get?access_token=" + subToken));
    }

    @Test
    void wxJavaReadsFollowersAndSetsRemarks() throws WxErrorException {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        for (int i = 0; i < 3; i++) {
            TestData.person(new Api(base), TestData.cnPhone()).post("api/v1/me/following",
                    Json.createObjectBuilder().add("appid", app.appid()).build());
        }
        WxMpService wx = new WxMpServiceImpl();
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(app.appid());
        config.setSecret(app.secret());
        String host = base.toString().replaceAll("/+$", "");
        config.setHostConfig(WxMpHostConfig.builder().apiHost(host).mpHost(host).openHost(host).build());
        wx.setWxMpConfigStorage(config);

        WxMpUserList list = wx.getUserService().userList(null);
        assertEquals(3, list.getTotal());
        assertEquals(3, list.getOpenids().size());
        WxMpUserList end = wx.getUserService().userList(list.getNextOpenid());
        assertEquals(0, end.getCount());

        String openid = list.getOpenids().get(0);
        wx.getUserService().userUpdateRemark(openid, "VIP");
        WxMpUser user = wx.getUserService().userInfo(openid);
        assertTrue(user.getSubscribe());
        assertEquals("VIP", user.getRemark());
        assertFalse(user.getUnionId().isBlank());
        List<WxMpUser> users = wx.getUserService().userInfoList(list.getOpenids());
        assertEquals(3, users.size());

        WxErrorException foreign = org.junit.jupiter.api.Assertions.assertThrows(WxErrorException.class,
                () -> wx.getUserService().userInfo("o" + "x".repeat(27)));
        assertEquals(40003, foreign.getError().getErrorCode());
    }

    private static JsonObject onlyFollower(App app) {
        String token = app.token();
        String openid = app.owner().get("cgi-bin/user/get?access_token=" + token).json().getJsonObject("data")
                .getJsonArray("openid").getString(0);
        return app.owner().get("cgi-bin/user/info?access_token=" + token + "&openid=" + openid).json();
    }

    private static void assertErrcode(int expected, Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        assertEquals(expected, reply.errcode(), reply.text());
    }
}
