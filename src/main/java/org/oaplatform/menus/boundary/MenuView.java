package org.oaplatform.menus.boundary;

import java.util.List;
import org.oaplatform.menus.entity.Button;

/**
 * A menu as the client API shows it to a follower. {@code menuId} and {@code conditional} say which menu it is (a
 * client may cache by them); buttons carry the fields of their type, sub-buttons only on parents.
 */
public record MenuView(Long menuId, boolean conditional, List<ButtonView> buttons) {

    public record ButtonView(String type, String name, String key, String url, String mediaId, String articleId,
            String appId, String pagePath, List<ButtonView> subButtons) {

        static ButtonView of(Button b) {
            return new ButtonView(b.isParent() ? null : b.type().wireName(), b.name(), b.key(), b.url(), b.mediaId(),
                    b.articleId(), b.appId(), b.pagePath(),
                    b.isParent() ? b.subButtons().stream().map(ButtonView::of).toList() : null);
        }
    }

    static MenuView none() {
        return new MenuView(null, false, List.of());
    }

    static MenuView of(Menus.Published menu) {
        return new MenuView(menu.menu().menuId(), menu.menu().isConditional(),
                menu.buttons().stream().map(ButtonView::of).toList());
    }
}
