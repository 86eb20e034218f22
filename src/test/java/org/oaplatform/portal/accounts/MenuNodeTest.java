package org.oaplatform.portal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oaplatform.menus.control.MenuError;
import org.oaplatform.menus.control.MenuJson;
import org.oaplatform.menus.control.MenuRules;
import org.oaplatform.menus.entity.Button;
import org.oaplatform.menus.entity.ButtonType;
import org.oaplatform.platform.control.BusinessException;

/** The editor's tree is judged by the API's own reader: what it sends, and which of the API's codes come back. */
class MenuNodeTest {

    @Test
    void aTreeRoundTripsThroughTheApisRules() {
        List<Button> published = MenuJson.read("[{\"type\":\"click\",\"name\":\"今日歌曲\",\"key\":\"V1001\"},"
                + "{\"name\":\"菜单\",\"sub_button\":[{\"type\":\"view\",\"name\":\"搜索\",\"url\":\"https://example.com/\"},"
                + "{\"type\":\"miniprogram\",\"name\":\"小程序\",\"url\":\"https://example.com/m\","
                + "\"appid\":\"wx0123456789abcdef\",\"pagepath\":\"pages/index\"}]}]");
        List<MenuNode> nodes = published.stream().map(MenuNode::of).toList();
        assertEquals(published, MenuRules.buttons(MenuNode.toJson(nodes)));
    }

    @Test
    void aParentSendsNoTypeAndBlankOrForeignFieldsAreLeftOut() {
        MenuNode parent = new MenuNode("More");
        parent.setKey("ignored: a parent has no key");
        MenuNode sub = new MenuNode("Site");
        sub.setType(ButtonType.VIEW);
        sub.setUrl(" https://example.com/ ");
        sub.setKey("ignored: a view button has no key");
        sub.setMediaId("  ");
        parent.getChildren().add(sub);
        assertEquals("[{\"name\":\"More\",\"sub_button\":[{\"name\":\"Site\",\"type\":\"view\","
                + "\"url\":\"https://example.com/\"}]}]", MenuNode.toJson(List.of(parent)).toString());
    }

    @Test
    void theApisCodesComeBackForWhatTheEditorMissed() {
        MenuNode tooLong = new MenuNode("一二三四五六");
        assertEquals(MenuError.MENU_BUTTON_NAME, refusal(tooLong));
        MenuNode noKey = new MenuNode("Click");
        assertEquals(MenuError.MENU_BUTTON_KEY, refusal(noKey));
        MenuNode parent = new MenuNode("More");
        MenuNode unnamed = new MenuNode(null);
        unnamed.setType(ButtonType.VIEW);
        unnamed.setUrl("https://example.com/");
        parent.getChildren().add(unnamed);
        assertEquals(MenuError.MENU_SUB_BUTTON_NAME, refusal(parent));
        MenuNode relative = new MenuNode("Site");
        relative.setType(ButtonType.VIEW);
        relative.setUrl("example.com");
        assertEquals(MenuError.MENU_URL_INVALID, refusal(relative));
        assertEquals(MenuError.MENU_BUTTON_COUNT, assertThrows(BusinessException.class,
                () -> MenuRules.buttons(MenuNode.toJson(List.of()))).code());
    }

    private static Object refusal(MenuNode node) {
        return assertThrows(BusinessException.class, () -> MenuRules.buttons(MenuNode.toJson(List.of(node)))).code();
    }
}
