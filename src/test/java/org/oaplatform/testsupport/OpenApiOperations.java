package org.oaplatform.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of the server's own {@code /openapi} document (OpenAPI 3, as JSON), with a plausible value for each
 * parameter and a plausible JSON body built from its schema: the starting point that bad-input tests mutate.
 */
public final class OpenApiOperations {

    /** One parameter: where it goes ({@code path}, {@code query}, {@code header}) and the schema's type. */
    public record Parameter(String name, String in, String type) {
    }

    /** One operation: its method, path template, parameters and, if it takes JSON, a plausible body. */
    public record Operation(String method, String path, List<Parameter> parameters, JsonObject body,
            Map<String, String> bodyTypes) {

        public boolean takesJson() {
            return body != null;
        }
    }

    private final JsonObject document;

    public OpenApiOperations(JsonObject document) {
        this.document = document;
    }

    public List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (item.containsKey(method)) {
                    operations.add(operation(method.toUpperCase(), path, item.getJsonObject(method)));
                }
            }
        }
        return operations;
    }

    private Operation operation(String method, String path, JsonObject operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonValue p : operation.getJsonArray("parameters") == null ? JsonValue.EMPTY_JSON_ARRAY
                : operation.getJsonArray("parameters")) {
            JsonObject parameter = resolve(p.asJsonObject());
            parameters.add(new Parameter(parameter.getString("name"), parameter.getString("in"),
                    type(parameter.getJsonObject("schema"))));
        }
        JsonObject schema = jsonSchema(operation);
        Map<String, String> types = new LinkedHashMap<>();
        JsonObject body = null;
        if (schema != null) {
            JsonObjectBuilder built = Json.createObjectBuilder();
            JsonObject properties = schema.getJsonObject("properties");
            if (properties != null) {
                for (String name : properties.keySet()) {
                    JsonObject property = resolve(properties.getJsonObject(name));
                    types.put(name, type(property));
                    built.add(name, plausible(property));
                }
            }
            body = built.build();
        }
        return new Operation(method, path, parameters, body, types);
    }

    private JsonObject jsonSchema(JsonObject operation) {
        JsonObject requestBody = operation.getJsonObject("requestBody");
        if (requestBody == null || requestBody.getJsonObject("content") == null) {
            return null;
        }
        JsonObject content = requestBody.getJsonObject("content");
        JsonObject json = content.getJsonObject("application/json");
        if (json == null && content.containsKey("*/*")) {
            json = content.getJsonObject("*/*");
        }
        return json == null || json.getJsonObject("schema") == null ? null : resolve(json.getJsonObject("schema"));
    }

    private JsonObject resolve(JsonObject node) {
        JsonObject current = node;
        for (int hops = 0; current != null && current.containsKey("$ref") && hops < 10; hops++) {
            String[] ref = current.getString("$ref").substring(2).split("/");
            JsonObject target = document;
            for (String part : ref) {
                target = target.getJsonObject(part);
            }
            current = target;
        }
        return current == null ? JsonValue.EMPTY_JSON_OBJECT : current;
    }

    private static String type(JsonObject schema) {
        if (schema == null) {
            return "string";
        }
        if (schema.containsKey("enum")) {
            return "enum";
        }
        return schema.getString("type", schema.containsKey("properties") ? "object" : "string");
    }

    private JsonValue plausible(JsonObject schema) {
        JsonArray values = schema.getJsonArray("enum");
        if (values != null && !values.isEmpty()) {
            return values.get(0);
        }
        return switch (type(schema)) {
            case "integer", "number" -> Json.createValue(1);
            case "boolean" -> JsonValue.TRUE;
            case "array" -> JsonValue.EMPTY_JSON_ARRAY;
            case "object" -> JsonValue.EMPTY_JSON_OBJECT;
            default -> Json.createValue("x");
        };
    }
}
