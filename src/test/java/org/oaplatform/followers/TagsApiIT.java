package org.oaplatform.followers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpUserBlacklistGetResult;
import me.chanjar.weixin.mp.bean.tag.WxTagListUser;
import me.chanjar.weixin.mp.bean.tag.WxUserTag;
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
import org.oaplatform.testsupport.WeChatSdk;

/** Tags and the blacklist (spec §7.2, §7.3) through WxJava and raw, with their limits and errcodes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TagsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void tagLifecycleThroughWxJava() throws WxErrorException {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        List<String> openids = followers(app, 3);
        WxMpService wx = WeChatSdk.forAccount(base, app);

        WxUserTag guangdong = wx.getUserTagService().tagCreate("广东");
        assertTrue(guangdong.getId() >= 100, "custom tags are numbered from 100: " + guangdong.getId());
        assertEquals("广东", guangdong.getName());
        WxErrorException duplicate = assertThrows(WxErrorException.class, () -> wx.getUserTagService().tagCreate("广东"));
        assertEquals(45157, duplicate.getError().getErrorCode());

        assertTrue(wx.getUserTagService().batchTagging(guangdong.getId(), openids.subList(0, 2).toArray(String[]::new)));
        List<WxUserTag> all = wx.getUserTagService().tagGet();
        WxUserTag listed = all.stream().filter(t -> t.getId().equals(guangdong.getId())).findFirst().orElseThrow();
        assertEquals(2, listed.getCount());
        assertTrue(all.stream().anyMatch(t -> t.getId() == 2L), "the starred system tag is always there");

        WxTagListUser members = wx.getUserTagService().tagListUser(guangdong.getId(), null);
        assertEquals(2, members.getCount());
        assertEquals(List.of(guangdong.getId()), wx.getUserTagService().userTagList(openids.get(0)));
        assertArrayEquals(new Long[] {guangdong.getId()}, wx.getUserService().userInfo(openids.get(0)).getTagIds());

        assertTrue(wx.getUserTagService().batchUntagging(guangdong.getId(), new String[] {openids.get(0)}));
        assertEquals(List.of(), wx.getUserTagService().userTagList(openids.get(0)));

        assertTrue(wx.getUserTagService().tagUpdate(guangdong.getId(), "广东人"));
        WxErrorException system = assertThrows(WxErrorException.class, () -> wx.getUserTagService().tagUpdate(2L, "x"));
        assertEquals(45058, system.getError().getErrorCode());
        assertTrue(wx.getUserTagService().tagDelete(guangdong.getId()));
        WxErrorException gone = assertThrows(WxErrorException.class, () -> wx.getUserTagService().tagDelete(guangdong.getId()));
        assertEquals(45159, gone.getError().getErrorCode());
    }

    @Test
    void tagLimitsAndBadInput() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String openid = followers(app, 1).get(0);
        String token = app.token();
        Api api = app.owner();
        assertErrcode(45158, api.post("cgi-bin/tags/create?access_token=" + token,
                Json.createObjectBuilder().add("tag", Json.createObjectBuilder().add("name", "x".repeat(31))).build()));
        assertErrcode(47001, api.post("cgi-bin/tags/create?access_token=" + token, "{", "application/json"));
        assertErrcode(45159, api.post("cgi-bin/tags/members/batchtagging?access_token=" + token, Json.createObjectBuilder()
                .add("tagid", 99999).add("openid_list", Json.createArrayBuilder().add(openid)).build()));

        List<Integer> tagIds = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            Reply created = api.post("cgi-bin/tags/create?access_token=" + token, Json.createObjectBuilder()
                    .add("tag", Json.createObjectBuilder().add("name", "t" + i)).build());
            assertEquals(0, created.errcode(), created.text());
            tagIds.add(created.json().getJsonObject("tag").getInt("id"));
        }
        for (int i = 0; i < 20; i++) {
            assertErrcode(0, api.post("cgi-bin/tags/members/batchtagging?access_token=" + token, Json.createObjectBuilder()
                    .add("tagid", tagIds.get(i)).add("openid_list", Json.createArrayBuilder().add(openid)).build()));
        }
        assertErrcode(45059, api.post("cgi-bin/tags/members/batchtagging?access_token=" + token, Json.createObjectBuilder()
                .add("tagid", tagIds.get(20)).add("openid_list", Json.createArrayBuilder().add(openid)).build()));

        JsonArrayBuilder fiftyOne = Json.createArrayBuilder();
        for (int i = 0; i < 51; i++) {
            fiftyOne.add(openid);
        }
        assertErrcode(40032, api.post("cgi-bin/tags/members/batchtagging?access_token=" + token, Json.createObjectBuilder()
                .add("tagid", tagIds.get(20)).add("openid_list", fiftyOne).build()));
        // a batch with one foreign openid changes nothing
        assertErrcode(40003, api.post("cgi-bin/tags/members/batchuntagging?access_token=" + token, Json.createObjectBuilder()
                .add("tagid", tagIds.get(0)).add("openid_list", Json.createArrayBuilder().add(openid).add("o" + "y".repeat(27)))
                .build()));
        assertEquals(20, api.post("cgi-bin/tags/getidlist?access_token=" + token, Json.createObjectBuilder()
                .add("openid", openid).build()).json().getJsonArray("tagid_list").size());

        for (int i = 21; i < 100; i++) {
            assertErrcode(0, api.post("cgi-bin/tags/create?access_token=" + token, Json.createObjectBuilder()
                    .add("tag", Json.createObjectBuilder().add("name", "t" + i)).build()));
        }
        assertErrcode(45056, api.post("cgi-bin/tags/create?access_token=" + token, Json.createObjectBuilder()
                .add("tag", Json.createObjectBuilder().add("name", "one too many")).build()));
    }

    @Test
    void blacklistThroughWxJava() throws WxErrorException {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        List<String> openids = followers(app, 3);
        WxMpService wx = WeChatSdk.forAccount(base, app);
        WxMpUserBlacklistGetResult empty = wx.getBlackListService().getBlacklist(null);
        assertEquals(0, empty.getCount());

        wx.getBlackListService().pushToBlacklist(openids.subList(0, 2));
        WxMpUserBlacklistGetResult listed = wx.getBlackListService().getBlacklist(null);
        assertEquals(2, listed.getTotal());
        assertEquals(2, listed.getOpenidList().size());
        assertTrue(listed.getOpenidList().containsAll(openids.subList(0, 2)));
        assertEquals(0, wx.getBlackListService().getBlacklist(listed.getNextOpenid()).getCount());

        wx.getBlackListService().pullFromBlacklist(List.of(openids.get(0)));
        assertEquals(List.of(openids.get(1)), wx.getBlackListService().getBlacklist(null).getOpenidList());

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(openids.get(2));
        }
        WxErrorException refused = assertThrows(WxErrorException.class, () -> wx.getBlackListService().pushToBlacklist(tooMany));
        assertEquals(40032, refused.getError().getErrorCode());
        assertFalse(wx.getBlackListService().getBlacklist(null).getOpenidList().contains(openids.get(2)));
    }

    @Test
    void anotherAccountsTokenCannotTouchThisAccountsFollowers() {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String openid = followers(app, 1).get(0);
        App other = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = other.token();
        Api api = other.owner();
        assertErrcode(40003, api.post("cgi-bin/tags/getidlist?access_token=" + token,
                Json.createObjectBuilder().add("openid", openid).build()));
        assertErrcode(40003, api.post("cgi-bin/tags/members/batchblacklist?access_token=" + token,
                Json.createObjectBuilder().add("openid_list", Json.createArrayBuilder().add(openid)).build()));
        assertErrcode(40003, api.post("cgi-bin/tags/members/getblacklist?access_token=" + token,
                Json.createObjectBuilder().add("begin_openid", openid).build()));
        assertErrcode(40003, api.post("cgi-bin/user/tag/get?access_token=" + token,
                Json.createObjectBuilder().add("tagid", 2).add("next_openid", openid).build()));
        assertEquals(0, api.post("cgi-bin/tags/members/getblacklist?access_token=" + token, "{}", "application/json")
                .json().getInt("total"));
    }

    private List<String> followers(App app, int n) {
        for (int i = 0; i < n; i++) {
            TestData.person(new Api(base), TestData.cnPhone()).post("api/v1/me/following",
                    Json.createObjectBuilder().add("appid", app.appid()).build());
        }
        String token = app.token();
        List<String> openids = new ArrayList<>();
        app.owner().get("cgi-bin/user/get?access_token=" + token).json().getJsonObject("data").getJsonArray("openid")
                .getValuesAs(jakarta.json.JsonString.class).forEach(s -> openids.add(s.getString()));
        return openids;
    }

    private static void assertErrcode(int expected, Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        assertEquals(expected, reply.errcode(), reply.text());
    }
}
