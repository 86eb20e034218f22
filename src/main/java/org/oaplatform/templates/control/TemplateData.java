package org.oaplatform.templates.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.oaplatform.platform.control.BusinessException;

/**
 * The {@code data} of a template message: a value (and an optional colour) per keyword. Typed keys of category
 * templates have WeChat's lengths (spec §5.1: {@code thing} 20 characters, {@code character_string} 32,
 * {@code phone_number} 17, {@code car_number} 8, {@code const} 20), counted in characters; any other value may have
 * {@link #MAX_VALUE_LENGTH}. Anything else is WeChat's 47003.
 */
public record TemplateData(Map<String, String> values, Map<String, String> colours) {

    public static final int MAX_VALUE_LENGTH = 200;
    public static final int MAX_KEYWORDS = 30;

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,31}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    /** Longest prefix first: {@code character_string} before any shorter one that could match it. */
    private static final Map<String, Integer> TYPED_LENGTHS = typedLengths();

    private static Map<String, Integer> typedLengths() {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("character_string", 32);
        lengths.put("phone_number", 17);
        lengths.put("car_number", 8);
        lengths.put("thing", 20);
        lengths.put("const", 20);
        return lengths;
    }

    public static TemplateData read(JsonValue data) {
        if (!(data instanceof JsonObject object)) {
            throw invalid("data must be an object of keywords");
        }
        if (object.size() > MAX_KEYWORDS) {
            throw invalid("at most " + MAX_KEYWORDS + " keywords");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> colours = new LinkedHashMap<>();
        object.forEach((key, entry) -> {
            if (!KEY.matcher(key).matches()) {
                throw invalid("keyword names are letters, digits and underscores");
            }
            if (!(entry instanceof JsonObject keyword)) {
                throw invalid(key + " must be an object with a value");
            }
            String value = text(keyword.get("value"));
            if (value == null) {
                throw invalid(key + ".value must be text");
            }
            int limit = limitOf(key);
            if (value.codePointCount(0, value.length()) > limit) {
                throw invalid(key + ".value is longer than " + limit + " characters");
            }
            values.put(key, value);
            JsonValue colour = keyword.get("color");
            if (colour != null && colour != JsonValue.NULL) {
                String c = text(colour);
                if (c == null || !COLOUR.matcher(c).matches()) {
                    throw invalid(key + ".color must look like #173177");
                }
                colours.put(key, c);
            }
        });
        return new TemplateData(Map.copyOf(values), Map.copyOf(colours));
    }

    private static int limitOf(String key) {
        return TYPED_LENGTHS.entrySet().stream().filter(e -> key.startsWith(e.getKey()))
                .mapToInt(Map.Entry::getValue).findFirst().orElse(MAX_VALUE_LENGTH);
    }

    private static String text(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value instanceof JsonNumber n ? n.toString() : null;
    }

    private static BusinessException invalid(String detail) {
        return new BusinessException(TemplateError.INVALID_DATA, "argument invalid! " + detail);
    }
}
