package org.oaplatform.menus.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.oaplatform.menus.entity.Button;
import org.oaplatform.menus.entity.MatchRule;
import org.oaplatform.wechatapi.control.WeChatJson;

/**
 * Menus written in WeChat's shapes: the {@code button} array of {@code menu/create}, {@code menu/get} and
 * {@code trymatch} (also how a menu is stored), the {@code selfmenu_info} of {@code get_current_selfmenu_info}, and
 * the {@code matchrule}. Reading is {@link MenuRules}' job.
 */
public final class MenuJson {

    private MenuJson() {
    }

    /** Every button with its {@code sub_button} array, empty for a leaf, as WeChat's {@code menu/get} answers it. */
    public static JsonArray buttons(List<Button> buttons) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        buttons.forEach(b -> array.add(fields(b).add("sub_button", buttons(b.subButtons()))));
        return array.build();
    }

    /** A stored menu's buttons, read back through the same rules that admitted them. */
    public static List<Button> read(String storedButtons) {
        return MenuRules.buttons(WeChatJson.parseObject("{\"button\":" + storedButtons + "}").get("button"));
    }

    /** {@code selfmenu_info.button}: sub-buttons wrapped as {@code "sub_button":{"list":[...]}}, leaves without. */
    public static JsonArray selfMenuButtons(List<Button> buttons) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Button b : buttons) {
            JsonObjectBuilder button = fields(b);
            if (b.isParent()) {
                button.add("sub_button", JSON.createObjectBuilder().add("list", selfMenuButtons(b.subButtons())));
            }
            array.add(button);
        }
        return array.build();
    }

    /**
     * A conditional menu's rule. The tag goes out as {@code tag_id} (what clients send) and as {@code group_id}
     * (what WeChat's {@code menu/get} answers, and what WxJava reads).
     */
    public static JsonObject matchRule(MatchRule rule) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (rule.tagId() != null) {
            json.add("tag_id", String.valueOf(rule.tagId())).add("group_id", String.valueOf(rule.tagId()));
        }
        if (rule.platform() != null) {
            json.add("client_platform_type", String.valueOf(rule.platform().wireValue()));
        }
        return json.build();
    }

    private static JsonObjectBuilder fields(Button b) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (!b.isParent()) {
            json.add("type", b.type().wireName());
        }
        json.add("name", b.name());
        optional(json, "key", b.key());
        optional(json, "url", b.url());
        optional(json, "media_id", b.mediaId());
        optional(json, "article_id", b.articleId());
        optional(json, "appid", b.appId());
        optional(json, "pagepath", b.pagePath());
        return json;
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
