package org.oaplatform.portal.accounts;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.oaplatform.menus.entity.Button;
import org.oaplatform.menus.entity.ButtonType;

/**
 * One button of the menu editor while it is being edited: whatever the person typed, checked only when the menu is
 * saved. It is written out in the shape of {@code menu/create}'s {@code button} array so that the API's own reader
 * ({@code MenuRules}) judges it and answers the API's error codes; the editor has no rules of its own. A node with
 * sub-buttons is a parent and its type is not sent.
 */
public class MenuNode implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private ButtonType type = ButtonType.CLICK;
    private String key;
    private String url;
    private String mediaId;
    private String articleId;
    private String appId;
    private String pagePath;
    private final List<MenuNode> children = new ArrayList<>();

    public MenuNode() {
    }

    MenuNode(String name) {
        this.name = name;
    }

    static MenuNode of(Button button) {
        MenuNode node = new MenuNode(button.name());
        if (!button.isParent()) {
            node.type = button.type();
        }
        node.key = button.key();
        node.url = button.url();
        node.mediaId = button.mediaId();
        node.articleId = button.articleId();
        node.appId = button.appId();
        node.pagePath = button.pagePath();
        button.subButtons().forEach(b -> node.children.add(of(b)));
        return node;
    }

    /** The {@code button} array of {@code menu/create} for these nodes; blank fields are left out. */
    static JsonArray toJson(List<MenuNode> nodes) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (MenuNode node : nodes) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("name", node.name == null ? "" : node.name);
            if (node.isParent()) {
                json.add("sub_button", toJson(node.children));
            } else if (node.type != null) {
                json.add("type", node.type.wireName());
                switch (node.type.target()) {
                    case KEY -> optional(json, "key", node.key);
                    case URL -> optional(json, "url", node.url);
                    case MEDIA -> optional(json, "media_id", node.mediaId);
                    case ARTICLE -> optional(json, "article_id", node.articleId);
                    case MINIPROGRAM -> {
                        optional(json, "appid", node.appId);
                        optional(json, "pagepath", node.pagePath);
                        optional(json, "url", node.url);
                    }
                }
            }
            array.add(json);
        }
        return array.build();
    }

    private static void optional(JsonObjectBuilder json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.add(field, value.strip());
        }
    }

    public boolean isParent() {
        return !children.isEmpty();
    }

    /** Which group of fields the editor shows: the name of the type's {@link ButtonType.Target}, or none. */
    public String getTarget() {
        return isParent() || type == null ? "" : type.target().name();
    }

    public List<MenuNode> getChildren() {
        return children;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ButtonType getType() {
        return type;
    }

    public void setType(ButtonType type) {
        this.type = type;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getMediaId() {
        return mediaId;
    }

    public void setMediaId(String mediaId) {
        this.mediaId = mediaId;
    }

    public String getArticleId() {
        return articleId;
    }

    public void setArticleId(String articleId) {
        this.articleId = articleId;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getPagePath() {
        return pagePath;
    }

    public void setPagePath(String pagePath) {
        this.pagePath = pagePath;
    }
}
