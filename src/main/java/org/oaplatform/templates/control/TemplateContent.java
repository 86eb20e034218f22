package org.oaplatform.templates.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oaplatform.platform.control.BusinessException;

/**
 * A template's text with WeChat's {@code {{keyword.DATA}}} placeholders, one labelled keyword per line
 * ({@code 订单号：{{keyword1.DATA}}}) between an unlabelled first and remark line.
 */
public record TemplateContent(String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z_][A-Za-z0-9_]*)\\.DATA}}");
    /** A line's label: the text before its placeholder, ending in a full-width or ASCII colon. */
    private static final Pattern LABELLED_LINE = Pattern.compile("^\\s*(.+?)\\s*[：:]\\s*\\{\\{");

    /** The keys of the placeholders, in order of appearance, each once. */
    public List<String> keywords() {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return List.copyOf(keys);
    }

    /** The labels of the labelled lines, in order: what {@link #withKeywordNames} chooses from. */
    public List<String> keywordNames() {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher label = LABELLED_LINE.matcher(line);
            if (label.find()) {
                names.add(label.group(1));
            }
        }
        return List.copyOf(names);
    }

    /** The text a follower sees: each placeholder replaced by its value, or by nothing when no value was sent. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // Literal replacement: a value that looks like a placeholder or has a $ stays as it is.
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The template cut to the keywords an account asked for by their labels ({@code keyword_name_list}), in the
     * template's own order; lines without a label stay. A label the template does not have is WeChat's 40246.
     */
    public TemplateContent withKeywordNames(List<String> names) {
        Set<String> wanted = new LinkedHashSet<>(names);
        Set<String> found = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher label = LABELLED_LINE.matcher(line);
            if (!label.find()) {
                kept.add(line);
            } else if (wanted.contains(label.group(1))) {
                kept.add(line);
                found.add(label.group(1));
            }
        }
        if (!found.equals(wanted)) {
            wanted.removeAll(found);
            throw new BusinessException(TemplateError.INVALID_KEYWORD_NAMES, "the template has no keyword " + wanted);
        }
        return new TemplateContent(String.join("\n", kept));
    }
}
