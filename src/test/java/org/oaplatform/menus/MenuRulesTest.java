package org.oaplatform.menus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oaplatform.menus.control.MenuError;
import org.oaplatform.menus.control.MenuJson;
import org.oaplatform.menus.control.MenuRules;
import org.oaplatform.menus.entity.Button;
import org.oaplatform.menus.entity.ButtonType;
import org.oaplatform.menus.entity.ClientPlatform;
import org.oaplatform.menus.entity.MatchRule;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.PlatformError;

/** WeChat's menu rules (spec §3.2-3.4), every limit at its boundary and every errcode, as a table. */
class MenuRulesTest {

    private static final String URL_1024 = "https://example.com/" + "a".repeat(1024 - 20);
    private static final String CN_5 = "菜单菜单菜"; // 15 bytes
    private static final String CN_6 = "菜单菜单菜单"; // 18 bytes

    private static String click(String name) {
        return "{\"type\":\"click\",\"name\":\"" + name + "\",\"key\":\"K\"}";
    }

    private static String menu(String... buttons) {
        return "{\"button\":[" + String.join(",", buttons) + "]}";
    }

    private static String parent(String name, String... subs) {
        return "{\"name\":\"" + name + "\",\"sub_button\":[" + String.join(",", subs) + "]}";
    }

    private static String[] clicks(int n, String name) {
        return Stream.generate(() -> click(name)).limit(n).toArray(String[]::new);
    }

    /** A menu that breaks exactly one rule, and the code that must refuse it (null: it is valid). */
    static Stream<Arguments> menus() {
        return Stream.of(
                Arguments.of("one button", menu(click("a")), null),
                Arguments.of("three buttons", menu(clicks(3, "a")), null),
                Arguments.of("four buttons", menu(clicks(4, "a")), MenuError.MENU_BUTTON_COUNT),
                Arguments.of("no buttons", menu(), MenuError.MENU_BUTTON_COUNT),
                Arguments.of("button missing", "{}", MenuError.MENU_BUTTON_COUNT),
                Arguments.of("button not an array", "{\"button\":\"x\"}", MenuError.MENU_MALFORMED),
                Arguments.of("a button not an object", "{\"button\":[1]}", MenuError.MENU_MALFORMED),
                Arguments.of("sub_button not an array", menu("{\"name\":\"a\",\"sub_button\":\"x\"}"),
                        MenuError.MENU_MALFORMED),

                Arguments.of("name of 16 bytes", menu(click("n".repeat(16))), null),
                Arguments.of("name of 17 bytes", menu(click("n".repeat(17))), MenuError.MENU_BUTTON_NAME),
                Arguments.of("name of 5 Chinese characters (15 bytes)", menu(click(CN_5)), null),
                Arguments.of("name of 6 Chinese characters (18 bytes)", menu(click(CN_6)), MenuError.MENU_BUTTON_NAME),
                Arguments.of("empty name", menu(click("")), MenuError.MENU_BUTTON_NAME),
                Arguments.of("no name", menu("{\"type\":\"click\",\"key\":\"K\"}"), MenuError.MENU_BUTTON_NAME),
                Arguments.of("parent name of 17 bytes", menu(parent("n".repeat(17), click("a"))),
                        MenuError.MENU_BUTTON_NAME),
                Arguments.of("sub-button name of 60 bytes", menu(parent("p", click("n".repeat(60)))), null),
                Arguments.of("sub-button name of 20 Chinese characters (60 bytes)",
                        menu(parent("p", click("菜单".repeat(10)))), null),
                Arguments.of("sub-button name of 61 bytes", menu(parent("p", click("n".repeat(61)))),
                        MenuError.MENU_SUB_BUTTON_NAME),
                Arguments.of("sub-button without name", menu(parent("p", "{\"type\":\"click\",\"key\":\"K\"}")),
                        MenuError.MENU_SUB_BUTTON_NAME),

                Arguments.of("five sub-buttons", menu(parent("p", clicks(5, "s"))), null),
                Arguments.of("six sub-buttons", menu(parent("p", clicks(6, "s"))), MenuError.MENU_SUB_BUTTON_COUNT),
                Arguments.of("a sub-button with sub-buttons", menu(parent("p", parent("s", click("t")))),
                        MenuError.MENU_SUB_BUTTON_LEVEL),
                Arguments.of("empty sub_button on a leaf", menu("{\"type\":\"click\",\"name\":\"a\",\"key\":\"K\","
                        + "\"sub_button\":[]}"), null),

                Arguments.of("unknown type", menu("{\"type\":\"text\",\"name\":\"a\",\"key\":\"K\"}"),
                        MenuError.MENU_BUTTON_TYPE),
                Arguments.of("unknown sub-button type", menu(parent("p", "{\"type\":\"Click\",\"name\":\"a\","
                        + "\"key\":\"K\"}")), MenuError.MENU_SUB_BUTTON_TYPE),
                Arguments.of("no type, no sub-buttons", menu("{\"name\":\"a\",\"key\":\"K\"}"),
                        MenuError.MENU_BUTTON_WITHOUT_TYPE),
                Arguments.of("sub-button without type", menu(parent("p", "{\"name\":\"a\",\"key\":\"K\"}")),
                        MenuError.MENU_BUTTON_WITHOUT_TYPE),

                Arguments.of("key of 128 bytes", menu(keyed("click", "k".repeat(128))), null),
                Arguments.of("key of 129 bytes", menu(keyed("click", "k".repeat(129))), MenuError.MENU_BUTTON_KEY),
                Arguments.of("click without key", menu("{\"type\":\"click\",\"name\":\"a\"}"), MenuError.MENU_BUTTON_KEY),
                Arguments.of("scancode_push without key", menu("{\"type\":\"scancode_push\",\"name\":\"a\"}"),
                        MenuError.MENU_BUTTON_KEY),
                Arguments.of("scancode_waitmsg without key", menu("{\"type\":\"scancode_waitmsg\",\"name\":\"a\"}"),
                        MenuError.MENU_BUTTON_KEY),
                Arguments.of("pic_sysphoto without key", menu("{\"type\":\"pic_sysphoto\",\"name\":\"a\"}"),
                        MenuError.MENU_BUTTON_KEY),
                Arguments.of("pic_photo_or_album without key",
                        menu("{\"type\":\"pic_photo_or_album\",\"name\":\"a\"}"), MenuError.MENU_BUTTON_KEY),
                Arguments.of("pic_weixin without key", menu("{\"type\":\"pic_weixin\",\"name\":\"a\"}"),
                        MenuError.MENU_BUTTON_KEY),
                Arguments.of("location_select without key", menu("{\"type\":\"location_select\",\"name\":\"a\"}"),
                        MenuError.MENU_BUTTON_KEY),
                Arguments.of("sub-button key of 128 bytes", menu(parent("p", keyed("click", "k".repeat(128)))), null),
                Arguments.of("sub-button key of 129 bytes", menu(parent("p", keyed("location_select",
                        "k".repeat(129)))), MenuError.MENU_SUB_BUTTON_KEY),
                Arguments.of("sub-button without key", menu(parent("p", "{\"type\":\"pic_weixin\",\"name\":\"a\"}")),
                        MenuError.MENU_SUB_BUTTON_KEY),

                Arguments.of("url of 1024 bytes", menu(view(URL_1024)), null),
                Arguments.of("url of 1025 bytes", menu(view(URL_1024 + "b")), MenuError.MENU_BUTTON_URL),
                Arguments.of("view without url", menu("{\"type\":\"view\",\"name\":\"a\"}"), MenuError.MENU_BUTTON_URL),
                Arguments.of("sub-button url of 1024 bytes", menu(parent("p", view(URL_1024))), null),
                Arguments.of("sub-button url of 1025 bytes", menu(parent("p", view(URL_1024 + "b"))),
                        MenuError.MENU_SUB_BUTTON_URL),
                Arguments.of("sub-button view without url", menu(parent("p", "{\"type\":\"view\",\"name\":\"a\"}")),
                        MenuError.MENU_SUB_BUTTON_URL),
                Arguments.of("ftp url", menu(view("ftp://example.com/x")), MenuError.MENU_URL_INVALID),
                Arguments.of("relative url", menu(view("/x/y")), MenuError.MENU_URL_INVALID),
                Arguments.of("not a url", menu(view("http://exa mple.com/")), MenuError.MENU_URL_INVALID),
                Arguments.of("sub-button javascript url", menu(parent("p", view("javascript:alert(1)"))),
                        MenuError.MENU_URL_INVALID),

                Arguments.of("media_id", menu("{\"type\":\"media_id\",\"name\":\"a\",\"media_id\":\"M\"}"), null),
                Arguments.of("media_id without media_id", menu("{\"type\":\"media_id\",\"name\":\"a\"}"),
                        MenuError.MENU_BUTTON_MEDIA_ID),
                Arguments.of("view_limited without media_id", menu("{\"type\":\"view_limited\",\"name\":\"a\"}"),
                        MenuError.MENU_BUTTON_MEDIA_ID),
                Arguments.of("article_id without article_id", menu("{\"type\":\"article_id\",\"name\":\"a\"}"),
                        MenuError.MENU_BUTTON_ARTICLE_ID),
                Arguments.of("article_view_limited without article_id",
                        menu("{\"type\":\"article_view_limited\",\"name\":\"a\"}"), MenuError.MENU_BUTTON_ARTICLE_ID),
                Arguments.of("miniprogram", menu(miniprogram("wx0123456789abcdef", "pages/index", "https://e.com/")),
                        null),
                Arguments.of("miniprogram with a bad appid", menu(miniprogram("wx123", "pages/index",
                        "https://e.com/")), MenuError.MENU_BUTTON_MINIPROGRAM_APPID),
                Arguments.of("miniprogram without pagepath", menu(miniprogram("wx0123456789abcdef", "",
                        "https://e.com/")), MenuError.MENU_BUTTON_PAGEPATH),
                Arguments.of("miniprogram without url", menu(miniprogram("wx0123456789abcdef", "pages/index", "")),
                        MenuError.MENU_BUTTON_URL));
    }

    private static String keyed(String type, String key) {
        return "{\"type\":\"" + type + "\",\"name\":\"a\",\"key\":\"" + key + "\"}";
    }

    private static String view(String url) {
        return "{\"type\":\"view\",\"name\":\"a\",\"url\":\"" + url + "\"}";
    }

    private static String miniprogram(String appid, String pagepath, String url) {
        return "{\"type\":\"miniprogram\",\"name\":\"a\",\"appid\":\"" + appid + "\",\"pagepath\":\"" + pagepath
                + "\",\"url\":\"" + url + "\"}";
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("menus")
    void menuRule(String rule, String menu, MenuError refusal) {
        if (refusal == null) {
            List<Button> buttons = MenuRules.buttons(json(menu).get("button"));
            assertEquals(buttons, MenuJson.read(MenuJson.buttons(buttons).toString()), "stored and read back");
        } else {
            BusinessException refused = assertThrows(BusinessException.class,
                    () -> MenuRules.buttons(json(menu).get("button")));
            assertSame(refusal, refused.code(), refused.getMessage());
        }
    }

    @Test
    void everyTypeWithItsFieldsAndNothingElse() {
        String all = menu(parent("k", keyed("click", "c"), keyed("scancode_push", "s1"), keyed("scancode_waitmsg", "s2"),
                keyed("pic_sysphoto", "p1"), keyed("pic_photo_or_album", "p2")),
                parent("k2", keyed("pic_weixin", "p3"), keyed("location_select", "l"),
                        "{\"type\":\"view\",\"name\":\"v\",\"url\":\"https://e.com/\",\"key\":\"ignored\"}",
                        "{\"type\":\"media_id\",\"name\":\"m\",\"media_id\":\"M1\"}",
                        "{\"type\":\"view_limited\",\"name\":\"m\",\"media_id\":\"M2\"}"),
                parent("k3", "{\"type\":\"article_id\",\"name\":\"a\",\"article_id\":\"A1\"}",
                        "{\"type\":\"article_view_limited\",\"name\":\"a\",\"article_id\":\"A2\"}",
                        miniprogram("wx0123456789abcdef", "pages/index", "https://e.com/")));
        List<Button> buttons = MenuRules.buttons(json(all).get("button"));
        assertEquals(ButtonType.values().length, buttons.stream().flatMap(b -> b.subButtons().stream())
                .map(Button::type).distinct().count(), "all types");
        Button view = buttons.get(1).subButtons().get(2);
        assertNull(view.key(), "a view button has no key");
        assertEquals(Set.of("e.com"), MenuRules.domains(buttons));
        assertNull(buttons.get(0).type(), "a parent has no type");
    }

    static Stream<Arguments> matchRules() {
        return Stream.of(
                Arguments.of("{\"tag_id\":\"100\"}", new MatchRule(100, null), null),
                Arguments.of("{\"tag_id\":101}", new MatchRule(101, null), null),
                Arguments.of("{\"group_id\":\"102\"}", new MatchRule(102, null), null),
                Arguments.of("{\"client_platform_type\":\"1\"}", new MatchRule(null, ClientPlatform.IOS), null),
                Arguments.of("{\"tag_id\":\"2\",\"client_platform_type\":3}", new MatchRule(2, ClientPlatform.OTHER),
                        null),
                // WxJava sends every field of its WxMenuRule; the unused ones empty
                Arguments.of("{\"tag_id\":\"100\",\"sex\":null,\"country\":\"\",\"province\":null,\"city\":null,"
                        + "\"client_platform_type\":\"2\",\"language\":\"\"}",
                        new MatchRule(100, ClientPlatform.ANDROID), null),
                Arguments.of("{}", null, MenuError.MENU_MATCHRULE_EMPTY),
                Arguments.of("{\"tag_id\":\"\",\"client_platform_type\":\"\"}", null, MenuError.MENU_MATCHRULE_EMPTY),
                Arguments.of("{\"tag_id\":\"100\",\"sex\":\"1\"}", null, MenuError.MENU_MATCHRULE_PRIVACY),
                Arguments.of("{\"country\":\"中国\"}", null, MenuError.MENU_MATCHRULE_PRIVACY),
                Arguments.of("{\"province\":\"广东\"}", null, MenuError.MENU_MATCHRULE_PRIVACY),
                Arguments.of("{\"city\":\"广州\"}", null, MenuError.MENU_MATCHRULE_PRIVACY),
                Arguments.of("{\"language\":\"zh_CN\"}", null, MenuError.MENU_MATCHRULE_PRIVACY),
                Arguments.of("{\"client_platform_type\":\"4\"}", null, PlatformError.VALIDATION_FAILED),
                Arguments.of("{\"tag_id\":\"abc\"}", null, PlatformError.VALIDATION_FAILED),
                Arguments.of("{\"tag_id\":-1}", null, PlatformError.VALIDATION_FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchRules")
    void matchRule(String rule, MatchRule expected, ErrorCode refusal) {
        if (refusal == null) {
            assertEquals(expected, MenuRules.matchRule(json(rule)));
        } else {
            BusinessException refused = assertThrows(BusinessException.class, () -> MenuRules.matchRule(json(rule)));
            assertSame(refusal, refused.code(), refused.getMessage());
        }
    }

    @Test
    void aMissingMatchRuleIsEmpty() {
        BusinessException refused = assertThrows(BusinessException.class, () -> MenuRules.matchRule(null));
        assertSame(MenuError.MENU_MATCHRULE_EMPTY, refused.code());
    }

    @Test
    void matchRuleWrittenAsWeChatAnswersIt() {
        assertEquals(json("{\"tag_id\":\"100\",\"group_id\":\"100\",\"client_platform_type\":\"2\"}"),
                MenuJson.matchRule(new MatchRule(100, ClientPlatform.ANDROID)));
    }

    @Test
    void selfMenuWrapsSubButtonsInAList() {
        List<Button> buttons = MenuRules.buttons(json(menu(click("a"), parent("p", click("s")))).get("button"));
        assertEquals(json("{\"b\":[{\"type\":\"click\",\"name\":\"a\",\"key\":\"K\"},{\"name\":\"p\",\"sub_button\":"
                + "{\"list\":[{\"type\":\"click\",\"name\":\"s\",\"key\":\"K\"}]}}]}").get("b"),
                MenuJson.selfMenuButtons(buttons));
    }
}
