package org.oaplatform.menus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.bean.menu.WxMenuRule;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.menu.WxMpGetSelfMenuInfoResult;
import me.chanjar.weixin.mp.bean.menu.WxMpMenu;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.menus.boundary.Menus;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Api.Reply;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestData.App;
import org.oaplatform.testsupport.WeChatSdk;

/**
 * Custom menus (spec §3) through WxJava's own menu service, every errcode as WxJava reports it, and the follower's
 * side through the client API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MenusApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void defaultMenuLifecycleThroughWxJava() throws WxErrorException {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxMpService wx = WeChatSdk.forAccount(base, app);
        assertNull(wx.getMenuService().menuGet(), "no menu yet: 46003, which WxJava answers as null");
        WxMpGetSelfMenuInfoResult closed = wx.getMenuService().getSelfMenuInfo();
        assertEquals(0, closed.getIsMenuOpen());

        WxMenu menu = menu(click("今日歌曲", "V1001_TODAY_MUSIC"), view("搜索", "https://www.example.com/search"),
                parent("菜单", click("赞一下我们", "V1001_GOOD"), key("scancode_push", "扫码", "rselfmenu_0_1"),
                        key("pic_weixin", "相册", "rselfmenu_1_2"), key("location_select", "位置", "rselfmenu_2_0"),
                        miniprogram("小程序", "wx0123456789abcdef", "pages/lunar/index", "https://www.example.com/")));
        assertNull(wx.getMenuService().menuCreate(menu));

        WxMpMenu got = wx.getMenuService().menuGet();
        assertTrue(Long.parseLong(got.getMenu().getMenuId()) > 0, "the default menu has a menuid");
        List<WxMenuButton> buttons = got.getMenu().getButtons();
        assertEquals(3, buttons.size());
        assertEquals("click", buttons.get(0).getType());
        assertEquals("V1001_TODAY_MUSIC", buttons.get(0).getKey());
        assertEquals("https://www.example.com/search", buttons.get(1).getUrl());
        assertNull(buttons.get(2).getType(), "a parent has no type");
        List<WxMenuButton> subs = buttons.get(2).getSubButtons();
        assertEquals(List.of("click", "scancode_push", "pic_weixin", "location_select", "miniprogram"),
                subs.stream().map(WxMenuButton::getType).toList());
        assertEquals("pages/lunar/index", subs.get(4).getPagePath());
        assertEquals("wx0123456789abcdef", subs.get(4).getAppId());
        assertNull(got.getConditionalMenu());

        WxMpGetSelfMenuInfoResult self = wx.getMenuService().getSelfMenuInfo();
        assertEquals(1, self.getIsMenuOpen());
        assertEquals(5, self.getSelfMenuInfo().getButtons().get(2).getSubButtons().getSubButtons().size());
        assertEquals("rselfmenu_0_1", self.getSelfMenuInfo().getButtons().get(2).getSubButtons().getSubButtons()
                .get(1).getKey());

        WxMenu replaced = menu(click("新菜单", "NEW"));
        wx.getMenuService().menuCreate(replaced);
        WxMpMenu again = wx.getMenuService().menuGet();
        assertEquals(List.of("NEW"), again.getMenu().getButtons().stream().map(WxMenuButton::getKey).toList());
        assertTrue(Long.parseLong(again.getMenu().getMenuId()) > Long.parseLong(got.getMenu().getMenuId()),
                "a new menu, a new menuid");

        wx.getMenuService().menuDelete();
        assertNull(wx.getMenuService().menuGet());
        Reply raw = app.owner().get("cgi-bin/menu/get?access_token=" + app.token());
        assertEquals(46003, raw.errcode(), raw.text());
        assertEquals(0, wx.getMenuService().getSelfMenuInfo().getIsMenuOpen());
    }

    @Test
    void conditionalMenusByTagAndPlatform() throws WxErrorException {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxMpService wx = WeChatSdk.forAccount(base, app);
        Api vip = follower(app);
        Api plain = follower(app);
        List<String> openids = openids(app);
        long tag = wx.getUserTagService().tagCreate("VIP").getId();
        wx.getUserTagService().batchTagging(tag, new String[] {openids.get(0)});

        WxErrorException noDefault = assertThrows(WxErrorException.class,
                () -> wx.getMenuService().menuCreate(conditional(rule(String.valueOf(tag), null), click("VIP", "VIP"))));
        assertEquals(65303, noDefault.getError().getErrorCode());

        wx.getMenuService().menuCreate(menu(click("默认", "DEFAULT")));
        String vipMenu = wx.getMenuService().menuCreate(conditional(rule(String.valueOf(tag), null),
                click("VIP", "VIP"), view("会员", "https://vip.example.com/")));
        String iosMenu = wx.getMenuService().menuCreate(conditional(rule(null, "1"), click("iOS", "IOS")));
        assertTrue(Long.parseLong(iosMenu) > Long.parseLong(vipMenu));

        WxMpMenu got = wx.getMenuService().menuGet();
        assertEquals(2, got.getConditionalMenu().size());
        WxMpMenu.WxMpConditionalMenu newest = got.getConditionalMenu().get(0);
        assertEquals(iosMenu, newest.getMenuId());
        assertEquals("1", newest.getRule().getClientPlatformType());
        assertEquals(String.valueOf(tag), got.getConditionalMenu().get(1).getRule().getTagId());

        assertEquals(Arrays.asList("VIP", null), keys(wx.getMenuService().menuTryMatch(openids.get(0))));
        assertEquals(List.of("DEFAULT"), keys(wx.getMenuService().menuTryMatch(openids.get(1))),
                "trymatch knows no client: the iOS menu is nobody's there");
        WxErrorException nobody = assertThrows(WxErrorException.class,
                () -> wx.getMenuService().menuTryMatch("o" + "x".repeat(27)));
        assertEquals(65302, nobody.getError().getErrorCode());

        // the follower's own menu, the same matching with the client's platform
        assertEquals("VIP", seenKey(vip, app, ""));
        assertEquals("IOS", seenKey(vip, app, "?platform=IOS"), "the newest matching menu wins");
        assertEquals("IOS", seenKey(plain, app, "?platform=IOS"));
        assertEquals("DEFAULT", seenKey(plain, app, "?platform=ANDROID"));
        assertEquals("DEFAULT", seenKey(plain, app, ""));
        JsonObject seen = plain.get("api/v1/conversations/" + app.appid() + "/menu?platform=IOS").json();
        assertEquals(Long.parseLong(iosMenu), seen.getJsonNumber("menuId").longValue());
        assertTrue(seen.getBoolean("conditional"));
        assertEquals(400, plain.get("api/v1/conversations/" + app.appid() + "/menu?platform=WINDOWS").status());

        wx.getMenuService().menuDelete(vipMenu);
        assertEquals(List.of("DEFAULT"), keys(wx.getMenuService().menuTryMatch(openids.get(0))));
        WxErrorException gone = assertThrows(WxErrorException.class, () -> wx.getMenuService().menuDelete(vipMenu));
        assertEquals(65301, gone.getError().getErrorCode());

        wx.getMenuService().menuDelete();
        assertNull(wx.getMenuService().menuTryMatch(openids.get(0)), "46003 after delete: WxJava answers null");
        JsonObject none = vip.get("api/v1/conversations/" + app.appid() + "/menu").json();
        assertEquals(0, none.getJsonArray("buttons").size());
    }

    @Test
    void everyMenuErrcodeAsWxJavaReportsIt() throws WxErrorException {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxMpService wx = WeChatSdk.forAccount(base, app);
        String click = "{\"type\":\"click\",\"name\":\"a\",\"key\":\"K\"}";
        Map<String, Integer> refused = new LinkedHashMap<>();
        refused.put("{\"button\":\"x\"}", 40015);
        refused.put("{\"button\":[]}", 40016);
        refused.put("{\"button\":[" + String.join(",", click, click, click, click) + "]}", 40016);
        refused.put("{\"button\":[{\"type\":\"text\",\"name\":\"a\",\"key\":\"K\"}]}", 40017);
        refused.put("{\"button\":[{\"type\":\"click\",\"name\":\"" + "n".repeat(17) + "\",\"key\":\"K\"}]}", 40018);
        refused.put("{\"button\":[{\"type\":\"click\",\"name\":\"a\",\"key\":\"" + "k".repeat(129) + "\"}]}", 40019);
        refused.put("{\"button\":[{\"type\":\"view\",\"name\":\"a\"}]}", 40020);
        refused.put(parentJson("{\"name\":\"s\",\"sub_button\":[" + click + "]}"), 40022);
        refused.put(parentJson(String.join(",", click, click, click, click, click, click)), 40023);
        refused.put(parentJson("{\"type\":\"news\",\"name\":\"s\",\"key\":\"K\"}"), 40024);
        refused.put(parentJson("{\"type\":\"click\",\"name\":\"" + "n".repeat(61) + "\",\"key\":\"K\"}"), 40025);
        refused.put(parentJson("{\"type\":\"pic_sysphoto\",\"name\":\"s\"}"), 40026);
        refused.put(parentJson("{\"type\":\"view\",\"name\":\"s\",\"url\":\"https://e.com/" + "u".repeat(1011) + "\"}"),
                40027);
        refused.put("{\"button\":[{\"type\":\"media_id\",\"name\":\"a\"}]}", 40007);
        refused.put("{\"button\":[{\"type\":\"miniprogram\",\"name\":\"a\",\"appid\":\"x\",\"pagepath\":\"p\","
                + "\"url\":\"https://e.com/\"}]}", 40013);
        refused.put("{\"button\":[{\"type\":\"article_id\",\"name\":\"a\"}]}", 40097);
        refused.put("{\"button\":[{\"name\":\"a\",\"key\":\"K\"}]}", 65308);
        refused.put("{\"button\":[{\"type\":\"view\",\"name\":\"a\",\"url\":\"ftp://e.com/\"}]}", 65317);
        wx.getMenuService().menuCreate(menu(click("原来", "KEEP")));
        refused.forEach((json, errcode) -> {
            WxErrorException e = assertThrows(WxErrorException.class, () -> wx.getMenuService().menuCreate(json), json);
            assertEquals(errcode, e.getError().getErrorCode(), json);
        });
        assertEquals(List.of("KEEP"), keys(wx.getMenuService().menuGet().getMenu().getButtons()),
                "a refused menu changes nothing");
        // WxJava parses a body before it sends it; a malformed one only a raw client can send
        Reply malformed = app.owner().post("cgi-bin/menu/create?access_token=" + app.token(), "{\"button\":[",
                "application/json");
        assertEquals(47001, malformed.errcode(), malformed.text());

        String menu = "\"button\":[" + click + "]";
        Map<String, Integer> rules = new LinkedHashMap<>();
        rules.put("{" + menu + ",\"matchrule\":{}}", 65304);
        rules.put("{" + menu + ",\"matchrule\":{\"tag_id\":\"\",\"sex\":\"\"}}", 65304);
        rules.put("{" + menu + ",\"matchrule\":{\"sex\":\"1\"}}", 65320);
        rules.put("{" + menu + ",\"matchrule\":{\"tag_id\":\"2\",\"language\":\"zh_CN\"}}", 65320);
        rules.put("{" + menu + ",\"matchrule\":{\"client_platform_type\":\"9\"}}", 40097);
        rules.forEach((json, errcode) -> {
            WxErrorException e = assertThrows(WxErrorException.class, () -> wx.getMenuService().menuCreate(json), json);
            assertEquals(errcode, e.getError().getErrorCode(), json);
        });

        for (String domain : List.of("a.example.com", "b.example.com", "c.example.com")) {
            wx.getMenuService().menuCreate(conditional(rule("2", null), view("链接", "https://" + domain + "/x")));
        }
        WxErrorException domains = assertThrows(WxErrorException.class, () -> wx.getMenuService().menuCreate(
                conditional(rule("2", null), view("链接", "https://d.example.com/x"))));
        assertEquals(65316, domains.getError().getErrorCode());
        for (int i = 3; i < 20; i++) {
            wx.getMenuService().menuCreate(conditional(rule(null, "2"), click("安卓", "A" + i)));
        }
        WxErrorException tooMany = assertThrows(WxErrorException.class,
                () -> wx.getMenuService().menuCreate(conditional(rule(null, "3"), click("其他", "O"))));
        assertEquals(65305, tooMany.getError().getErrorCode());
        assertEquals(20, wx.getMenuService().menuGet().getConditionalMenu().size());
    }

    @Test
    void concurrentChangesOfOneAccountKeepItsLimits() throws Exception {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        String token = app.token();
        Api api = app.owner();
        assertEquals(0, api.post("cgi-bin/menu/create?access_token=" + token,
                "{\"button\":[{\"type\":\"click\",\"name\":\"a\",\"key\":\"K\"}]}", "application/json").errcode());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String body = "{\"button\":[{\"type\":\"click\",\"name\":\"c\",\"key\":\"C" + i + "\"}],"
                        + "\"matchrule\":{\"client_platform_type\":\"" + (1 + i % 3) + "\"}}";
                replies.add(pool.submit(() -> api.post("cgi-bin/menu/addconditional?access_token=" + token, body,
                        "application/json")));
            }
            Map<Integer, Integer> byErrcode = new TreeMap<>();
            for (Future<Reply> reply : replies) {
                byErrcode.merge(reply.get(60, TimeUnit.SECONDS).errcode(), 1, Integer::sum);
            }
            assertEquals(Map.of(0, Menus.MAX_CONDITIONAL_MENUS, 65305, 30 - Menus.MAX_CONDITIONAL_MENUS), byErrcode,
                    "the account's lock makes the 21st and later see the 20 before them");
        } finally {
            pool.shutdownNow();
        }
        JsonObject got = api.get("cgi-bin/menu/get?access_token=" + token).json();
        assertEquals(Menus.MAX_CONDITIONAL_MENUS, got.getJsonArray("conditionalmenu").stream()
                .map(m -> m.asJsonObject().getJsonNumber("menuid").longValue()).distinct().count());
    }

    @Test
    void capabilitiesOfAccountTypes() throws WxErrorException {
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject service = owner.post("api/v1/official-accounts", TestData.serviceAccount(TestData.accountName("Svc")))
                .json();
        WxMpService unverifiedService = WeChatSdk.forAccount(base, service.getString("appid"),
                service.getString("secret"), false);
        unverifiedService.getMenuService().menuCreate(menu(click("可以", "OK")));
        WxErrorException personalized = assertThrows(WxErrorException.class, () -> unverifiedService.getMenuService()
                .menuCreate(conditional(rule("2", null), click("不行", "NO"))));
        assertEquals(48001, personalized.getError().getErrorCode());

        JsonObject subscription = owner.post("api/v1/official-accounts", Json.createObjectBuilder()
                .add("name", TestData.accountName("Sub")).add("type", "SUBSCRIPTION").add("region", "CN")
                .add("entityType", "INDIVIDUAL").build()).json();
        WxMpService unverifiedSubscription = WeChatSdk.forAccount(base, subscription.getString("appid"),
                subscription.getString("secret"), false);
        WxErrorException menu = assertThrows(WxErrorException.class,
                () -> unverifiedSubscription.getMenuService().menuCreate(menu(click("不行", "NO"))));
        assertEquals(48001, menu.getError().getErrorCode());
    }

    @Test
    void followersUseTheButtonsOfTheMenuTheySee() throws WxErrorException {
        App app = TestData.verifiedServiceAccount(TestData.person(new Api(base), TestData.cnPhone()));
        WxMpService wx = WeChatSdk.forAccount(base, app);
        Api fan = follower(app);
        Api stranger = TestData.person(new Api(base), TestData.cnPhone());
        String clicks = "api/v1/conversations/" + app.appid() + "/menu-clicks";

        Reply noMenu = fan.post(clicks, Json.createObjectBuilder().add("key", "K").build());
        assertEquals(404, noMenu.status(), noMenu.text());
        assertEquals("menu-button-unknown", noMenu.problem());

        wx.getMenuService().menuCreate(menu(click("点我", "CLICKED"), view("网页", "https://www.example.com/"),
                parent("更多", key("scancode_waitmsg", "扫码", "SCAN"), key("pic_photo_or_album", "图片", "PIC"),
                        key("location_select", "位置", "LOC"),
                        miniprogram("小程序", "wx0123456789abcdef", "pages/index", "https://mp.example.com/"))));
        wx.getMenuService().menuCreate(conditional(rule(null, "1"), click("iOS", "IOS_ONLY")));

        Reply clicked = fan.post(clicks, Json.createObjectBuilder().add("key", "CLICKED").build());
        assertEquals(200, clicked.status(), clicked.text());
        assertEquals("click", clicked.json().getJsonObject("button").getString("type"));
        assertFalse(clicked.json().containsKey("openUrl"), "a click button opens nothing");

        Reply viewed = fan.post(clicks, Json.createObjectBuilder().add("url", "https://www.example.com/").build());
        assertEquals(200, viewed.status(), viewed.text());
        assertEquals("https://www.example.com/", viewed.json().getString("openUrl"));
        Reply mini = fan.post(clicks, Json.createObjectBuilder().add("url", "https://mp.example.com/").build());
        assertEquals("pages/index", mini.json().getJsonObject("button").getString("pagePath"));

        assertEquals(200, fan.post(clicks, Json.createObjectBuilder().add("key", "SCAN").add("scanType", "qrcode")
                .add("scanResult", "https://example.com/qr").build()).status());
        assertEquals(200, fan.post(clicks, Json.createObjectBuilder().add("key", "PIC").add("pictures",
                Json.createArrayBuilder().add("1b5f7c23b5bf75682a53e7b6d163e185")).build()).status());
        assertEquals(200, fan.post(clicks, Json.createObjectBuilder().add("key", "LOC").add("latitude", 23.137466)
                .add("longitude", 113.352425).add("scale", 15).add("label", "广州市海珠区").add("poiname", "").build())
                .status());

        assertProblem(400, "validation-failed", fan.post(clicks, Json.createObjectBuilder().add("key", "SCAN").build()));
        assertProblem(400, "validation-failed", fan.post(clicks, Json.createObjectBuilder().add("key", "PIC")
                .add("pictures", Json.createArrayBuilder().add("not-an-md5")).build()));
        assertProblem(400, "validation-failed", fan.post(clicks, Json.createObjectBuilder().add("key", "LOC")
                .add("latitude", 91).add("longitude", 0).add("scale", 15).build()));
        assertProblem(400, "validation-failed", fan.post(clicks, Json.createObjectBuilder().add("key", "CLICKED")
                .add("url", "https://www.example.com/").build()));
        assertProblem(400, "validation-failed", fan.post(clicks, Json.createObjectBuilder().build()));
        assertProblem(404, "menu-button-unknown", fan.post(clicks, Json.createObjectBuilder().add("key", "NOPE").build()));
        assertProblem(404, "menu-button-unknown", fan.post(clicks, Json.createObjectBuilder().add("key", "IOS_ONLY")
                .build()));
        assertEquals(200, fan.post(clicks + "?platform=IOS", Json.createObjectBuilder().add("key", "IOS_ONLY").build())
                .status(), "the iOS menu is the one an iOS client sees");
        assertProblem(404, "menu-button-unknown", fan.post(clicks + "?platform=IOS",
                Json.createObjectBuilder().add("key", "CLICKED").build()));

        assertProblem(403, "menu-not-a-follower", stranger.get("api/v1/conversations/" + app.appid() + "/menu"));
        assertProblem(403, "menu-not-a-follower", stranger.post(clicks, Json.createObjectBuilder().add("key", "CLICKED")
                .build()));
        assertProblem(404, "not-found", fan.get("api/v1/conversations/wx0000000000000000/menu"));
        assertProblem(401, "unauthenticated", new Api(base).get("api/v1/conversations/" + app.appid() + "/menu"));
        fan.delete("api/v1/me/following/" + app.appid());
        assertProblem(403, "menu-not-a-follower", fan.get("api/v1/conversations/" + app.appid() + "/menu"));
    }

    private Api follower(App app) {
        Api person = TestData.person(new Api(base), TestData.cnPhone());
        Reply followed = person.post("api/v1/me/following", Json.createObjectBuilder().add("appid", app.appid()).build());
        assertEquals(201, followed.status(), followed.text());
        return person;
    }

    /** The account's followers' openids, oldest follow first. */
    private static List<String> openids(App app) {
        return app.owner().get("cgi-bin/user/get?access_token=" + app.token()).json().getJsonObject("data")
                .getJsonArray("openid").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private String seenKey(Api follower, App app, String query) {
        Reply seen = follower.get("api/v1/conversations/" + app.appid() + "/menu" + query);
        assertEquals(200, seen.status(), seen.text());
        return seen.json().getJsonArray("buttons").getJsonObject(0).getString("key");
    }

    private static void assertProblem(int status, String type, Reply reply) {
        assertEquals(status, reply.status(), reply.text());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(type, reply.problem(), reply.text());
    }

    private static String parentJson(String subs) {
        return "{\"button\":[{\"name\":\"p\",\"sub_button\":[" + subs + "]}]}";
    }

    private static List<String> keys(WxMenu menu) {
        return keys(menu.getButtons());
    }

    private static List<String> keys(List<WxMenuButton> buttons) {
        return buttons.stream().map(WxMenuButton::getKey).toList();
    }

    private static WxMenu menu(WxMenuButton... buttons) {
        WxMenu menu = new WxMenu();
        menu.setButtons(List.of(buttons));
        return menu;
    }

    private static WxMenu conditional(WxMenuRule rule, WxMenuButton... buttons) {
        WxMenu menu = menu(buttons);
        menu.setMatchRule(rule);
        return menu;
    }

    private static WxMenuRule rule(String tagId, String platform) {
        WxMenuRule rule = new WxMenuRule();
        rule.setTagId(tagId);
        rule.setClientPlatformType(platform);
        return rule;
    }

    private static WxMenuButton click(String name, String key) {
        return key("click", name, key);
    }

    private static WxMenuButton key(String type, String name, String key) {
        WxMenuButton button = new WxMenuButton();
        button.setType(type);
        button.setName(name);
        button.setKey(key);
        return button;
    }

    private static WxMenuButton view(String name, String url) {
        WxMenuButton button = new WxMenuButton();
        button.setType("view");
        button.setName(name);
        button.setUrl(url);
        return button;
    }

    private static WxMenuButton miniprogram(String name, String appid, String pagepath, String url) {
        WxMenuButton button = view(name, url);
        button.setType("miniprogram");
        button.setAppId(appid);
        button.setPagePath(pagepath);
        return button;
    }

    private static WxMenuButton parent(String name, WxMenuButton... subs) {
        WxMenuButton button = new WxMenuButton();
        button.setName(name);
        button.setSubButtons(List.of(subs));
        return button;
    }
}
