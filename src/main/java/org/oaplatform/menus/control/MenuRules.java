package org.oaplatform.menus.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.oaplatform.menus.entity.Button;
import org.oaplatform.menus.entity.ButtonType;
import org.oaplatform.menus.entity.ClientPlatform;
import org.oaplatform.menus.entity.MatchRule;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.wechatapi.control.WeChatJson;

/**
 * WeChat's rules for a menu (spec §3.2-3.4), as the one reader of menu JSON: what {@code menu/create} and
 * {@code menu/addconditional} send, and what was stored from them. Each broken rule is refused with its own errcode,
 * the top-level codes (40016-40020) for a top-level button and the sub-button codes (40023-40027) for a sub-button;
 * the table of rules is in {@code docs/menus.md} and {@code MenuRulesTest}. Fields a button's type does not use are
 * dropped, as WeChat drops them.
 */
public final class MenuRules {

    public static final int MAX_BUTTONS = 3;
    public static final int MAX_SUB_BUTTONS = 5;
    public static final int MAX_NAME_BYTES = 16;
    public static final int MAX_SUB_NAME_BYTES = 60;
    public static final int MAX_KEY_BYTES = 128;
    public static final int MAX_URL_BYTES = 1024;
    /** Not WeChat's published limits (it has none for these): generous bounds so that nothing unbounded is stored. */
    public static final int MAX_ID_BYTES = 128;
    public static final int MAX_PAGEPATH_BYTES = 1024;
    /** All conditional menus of an account together link to at most this many domains (65316). */
    public static final int MAX_CONDITIONAL_DOMAINS = 3;

    /** Fields of the old matchrule that WeChat refuses since its privacy change (65320). */
    private static final List<String> PRIVACY_FIELDS = List.of("sex", "country", "province", "city", "language");

    /** The errcodes of one level of the menu. */
    private record Level(int maxNameBytes, ErrorCode name, ErrorCode type, ErrorCode key, ErrorCode url) {
    }

    private static final Level TOP = new Level(MAX_NAME_BYTES, MenuError.MENU_BUTTON_NAME, MenuError.MENU_BUTTON_TYPE,
            MenuError.MENU_BUTTON_KEY, MenuError.MENU_BUTTON_URL);
    private static final Level SUB = new Level(MAX_SUB_NAME_BYTES, MenuError.MENU_SUB_BUTTON_NAME,
            MenuError.MENU_SUB_BUTTON_TYPE, MenuError.MENU_SUB_BUTTON_KEY, MenuError.MENU_SUB_BUTTON_URL);

    private MenuRules() {
    }

    /** The {@code button} array of a menu request (or of a stored menu), checked. */
    public static List<Button> buttons(JsonValue button) {
        if (button == null || button == JsonValue.NULL) {
            throw new BusinessException(MenuError.MENU_BUTTON_COUNT, "a menu has 1 to " + MAX_BUTTONS + " buttons");
        }
        if (!(button instanceof JsonArray array)) {
            throw new BusinessException(MenuError.MENU_MALFORMED, "button must be an array of buttons");
        }
        if (array.isEmpty() || array.size() > MAX_BUTTONS) {
            throw new BusinessException(MenuError.MENU_BUTTON_COUNT,
                    "a menu has 1 to " + MAX_BUTTONS + " buttons, not " + array.size());
        }
        List<Button> buttons = new ArrayList<>();
        for (JsonValue value : array) {
            JsonObject json = object(value, "button");
            String name = name(json, TOP);
            List<JsonObject> subs = subButtons(json);
            if (subs.isEmpty()) {
                buttons.add(leaf(json, name, TOP));
            } else if (subs.size() > MAX_SUB_BUTTONS) {
                throw new BusinessException(MenuError.MENU_SUB_BUTTON_COUNT,
                        "a button has at most " + MAX_SUB_BUTTONS + " sub-buttons, not " + subs.size());
            } else {
                List<Button> children = new ArrayList<>();
                for (JsonObject sub : subs) {
                    String subName = name(sub, SUB);
                    if (!subButtons(sub).isEmpty()) {
                        throw new BusinessException(MenuError.MENU_SUB_BUTTON_LEVEL, "sub-buttons have no sub-buttons");
                    }
                    children.add(leaf(sub, subName, SUB));
                }
                buttons.add(Button.parent(name, children));
            }
        }
        return List.copyOf(buttons);
    }

    /** The {@code matchrule} of a conditional menu, checked. */
    public static MatchRule matchRule(JsonValue matchrule) {
        if (!(matchrule instanceof JsonObject rule)) {
            throw new BusinessException(MenuError.MENU_MATCHRULE_EMPTY, "matchrule is required");
        }
        for (String field : PRIVACY_FIELDS) {
            if (present(WeChatJson.string(rule, field))) {
                throw new BusinessException(MenuError.MENU_MATCHRULE_PRIVACY, "matchrule." + field
                        + " is no longer supported; match by tag_id and client_platform_type");
            }
        }
        String tag = WeChatJson.string(rule, "tag_id");
        if (!present(tag)) {
            tag = WeChatJson.string(rule, "group_id");
        }
        Integer tagId = present(tag) ? number(tag, "tag_id") : null;
        String platformText = WeChatJson.string(rule, "client_platform_type");
        ClientPlatform platform = null;
        if (present(platformText)) {
            platform = ClientPlatform.byWireValue(number(platformText, "client_platform_type"))
                    .orElseThrow(() -> new BusinessException(PlatformError.VALIDATION_FAILED,
                            "client_platform_type is 1 (iOS), 2 (Android) or 3 (others)"));
        }
        if (tagId == null && platform == null) {
            throw new BusinessException(MenuError.MENU_MATCHRULE_EMPTY,
                    "matchrule needs tag_id or client_platform_type");
        }
        return new MatchRule(tagId, platform);
    }

    /** The hosts (lower case) that the buttons' urls link to. */
    public static Set<String> domains(List<Button> buttons) {
        Set<String> domains = new TreeSet<>();
        buttons.stream().flatMap(Button::withSubButtons).filter(b -> b.url() != null)
                .forEach(b -> domains.add(URI.create(b.url()).getHost().toLowerCase(Locale.ROOT)));
        return domains;
    }

    /** UTF-8 bytes of a text, the unit of all WeChat's menu limits. */
    public static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Button leaf(JsonObject json, String name, Level level) {
        String typeName = WeChatJson.string(json, "type");
        if (!present(typeName)) {
            throw new BusinessException(MenuError.MENU_BUTTON_WITHOUT_TYPE,
                    "button \"" + name + "\" has neither a type nor sub-buttons");
        }
        ButtonType type = ButtonType.byWireName(typeName).orElseThrow(() -> new BusinessException(level.type(),
                "unknown button type " + typeName));
        return switch (type.target()) {
            case KEY -> new Button(type, name, bounded(json, "key", MAX_KEY_BYTES, level.key()), null, null, null,
                    null, null, List.of());
            case URL -> new Button(type, name, null, url(json, level), null, null, null, null, List.of());
            case MEDIA -> new Button(type, name, null, null,
                    bounded(json, "media_id", MAX_ID_BYTES, MenuError.MENU_BUTTON_MEDIA_ID), null, null, null,
                    List.of());
            case ARTICLE -> new Button(type, name, null, null, null,
                    bounded(json, "article_id", MAX_ID_BYTES, MenuError.MENU_BUTTON_ARTICLE_ID), null, null,
                    List.of());
            case MINIPROGRAM -> new Button(type, name, null, url(json, level), null, null, miniProgramAppId(json),
                    bounded(json, "pagepath", MAX_PAGEPATH_BYTES, MenuError.MENU_BUTTON_PAGEPATH), List.of());
        };
    }

    private static String name(JsonObject json, Level level) {
        String name = WeChatJson.string(json, "name");
        if (!present(name) || bytes(name) > level.maxNameBytes()) {
            throw new BusinessException(level.name(), "a button name has 1 to " + level.maxNameBytes()
                    + " bytes (UTF-8)" + (name == null ? "" : ", \"" + name + "\" has " + bytes(name)));
        }
        return name;
    }

    /** A sub_button array (empty when absent or null: a leaf); anything else is not a menu. */
    private static List<JsonObject> subButtons(JsonObject json) {
        JsonValue value = json.get("sub_button");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new BusinessException(MenuError.MENU_MALFORMED, "sub_button must be an array of buttons");
        }
        return array.stream().map(v -> object(v, "sub_button")).toList();
    }

    private static JsonObject object(JsonValue value, String what) {
        if (!(value instanceof JsonObject object)) {
            throw new BusinessException(MenuError.MENU_MALFORMED, what + " entries must be objects");
        }
        return object;
    }

    private static String bounded(JsonObject json, String field, int maxBytes, ErrorCode code) {
        String value = WeChatJson.string(json, field);
        if (!present(value) || bytes(value) > maxBytes) {
            throw new BusinessException(code, field + " is required and has at most " + maxBytes + " bytes");
        }
        return value;
    }

    private static String url(JsonObject json, Level level) {
        String url = bounded(json, "url", MAX_URL_BYTES, level.url());
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException notAUri) {
            // refused below
        }
        throw new BusinessException(MenuError.MENU_URL_INVALID, "url must be an absolute http or https URL: " + url);
    }

    private static String miniProgramAppId(JsonObject json) {
        String appId = WeChatJson.string(json, "appid");
        if (!Ids.matches(Ids.APPID, appId)) {
            throw new BusinessException(MenuError.MENU_BUTTON_MINIPROGRAM_APPID,
                    "appid must be a mini program's appid (wx and 16 hex digits)");
        }
        return appId;
    }

    private static int number(String text, String field) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new BusinessException(PlatformError.VALIDATION_FAILED, "matchrule." + field + " must be a number");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
