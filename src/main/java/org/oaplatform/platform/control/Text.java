package org.oaplatform.platform.control;

/** Rules for text that people type, the same in every component. */
public final class Text {

    private Text() {
    }

    /** What was typed without surrounding white space, or {@code null} when nothing is left: optional text is null. */
    public static String strippedOrNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /**
     * A LIKE pattern for values that start with {@code text}, its wildcards escaped ({@code _} is common in openids
     * and names); the query must say {@code ESCAPE '\'}.
     */
    public static String likeStartingWith(String text) {
        return likeEscaped(text) + "%";
    }

    /** A LIKE pattern for values that contain {@code text}, escaped as {@link #likeStartingWith}. */
    public static String likeContaining(String text) {
        return "%" + likeEscaped(text) + "%";
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
