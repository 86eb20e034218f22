package org.oaplatform.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Malformed values and bodies of the kinds clients send by mistake or on purpose, for bad-input tests. */
public final class BadValues {

    /** A body to send and the content type to claim for it. */
    public record Body(byte[] bytes, String contentType) {
    }

    /** Text for ids, query and header values: other scripts, invisible marks, injection, traversal, sizes. */
    public static final List<String> TEXT = List.of("名字😀", "\u200Fabc", "👨\u200D👩\u200D👧", "\u0000", "a\u0000b",
            "' OR '1'='1", "1; DROP TABLE person --", "../../../../etc/passwd", "<script>alert(1)</script>",
            "%00", "%ZZ", "x".repeat(5_000), "-1", "0", "99999999999999999999999", "1.5", "NaN", "", " ", "null",
            "\uD800");

    private BadValues() {
    }

    /** Values for one field of a JSON body: wrong types, nulls, sizes, the text above. */
    public static List<JsonValue> json() {
        List<JsonValue> values = new ArrayList<>(List.of(JsonValue.NULL, JsonValue.TRUE,
                JsonValue.EMPTY_JSON_ARRAY, JsonValue.EMPTY_JSON_OBJECT, Json.createValue(-1),
                Json.createValue(1.5), Json.createValue(new BigDecimal("1e400")),
                Json.createValue(Long.MAX_VALUE), Json.createValue("y".repeat(100_000)),
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("a", 1)).build()));
        TEXT.stream().limit(10).map(Json::createValue).forEach(values::add);
        return values;
    }

    /** Whole bodies that are not the expected JSON object, by what they are. */
    public static Map<String, Body> bodies(JsonObject plausible) {
        Map<String, Body> bodies = new LinkedHashMap<>();
        String first = plausible.keySet().stream().findFirst().orElse("a");
        bodies.put("empty", json(""));
        bodies.put("truncated", json(plausible.toString().substring(0, Math.max(1, plausible.toString().length() / 2))));
        bodies.put("an array", json("[]"));
        bodies.put("a string", json("\"x\""));
        bodies.put("null", json("null"));
        bodies.put("nested 10 000 deep", json("[".repeat(10_000) + "]".repeat(10_000)));
        bodies.put("objects nested 10 000 deep", json("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        bodies.put("a duplicate key", json("{\"" + first + "\":1,\"" + first + "\":\"two\"}"));
        bodies.put("invalid UTF-8", new Body(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE,
            (byte) 0xC3, '"', '}'}, "application/json"));
        bodies.put("a byte-order mark", new Body(("\uFEFF" + plausible).getBytes(StandardCharsets.UTF_8),
                "application/json"));
        bodies.put("XML with an external entity", new Body(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM"
                + " \"file:///etc/passwd\">]><xml><a>&e;</a></xml>").getBytes(StandardCharsets.UTF_8),
                "application/xml"));
        bodies.put("text/plain", new Body(plausible.toString().getBytes(StandardCharsets.UTF_8), "text/plain"));
        bodies.put("an unknown charset", new Body(plausible.toString().getBytes(StandardCharsets.UTF_8),
                "application/json; charset=x-no-such"));
        bodies.put("a form", new Body("a=1&b=2".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded"));
        bodies.put("no content type", new Body(plausible.toString().getBytes(StandardCharsets.UTF_8),
                "application/octet-stream"));
        return bodies;
    }

    /** A short, printable description of a value for failure messages. */
    public static String describe(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + " chars)" : value;
        return shown.replace("\u0000", "\\0");
    }

    private static Body json(String text) {
        return new Body(text.getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
