package org.oaplatform.menus.entity;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One menu button, already checked against WeChat's rules: either a parent ({@code type} null, one to five
 * {@code subButtons}) or a leaf of a {@link ButtonType} carrying exactly the fields its type needs.
 */
public record Button(ButtonType type, String name, String key, String url, String mediaId, String articleId,
        String appId, String pagePath, List<Button> subButtons) {

    public Button {
        subButtons = List.copyOf(subButtons);
    }

    public static Button parent(String name, List<Button> subButtons) {
        return new Button(null, name, null, null, null, null, null, null, subButtons);
    }

    public boolean isParent() {
        return type == null;
    }

    /** This button and, for a parent, its sub-buttons. */
    public Stream<Button> withSubButtons() {
        return Stream.concat(Stream.of(this), subButtons.stream());
    }

    /** The first leaf of {@code buttons}, in menu order, that {@code wanted} accepts. */
    public static Optional<Button> firstLeaf(List<Button> buttons, Predicate<Button> wanted) {
        return buttons.stream().flatMap(Button::withSubButtons).filter(b -> !b.isParent()).filter(wanted).findFirst();
    }
}
