package org.oaplatform.wechatapi.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * Reading WeChat request bodies leniently, as WeChat does: any content type, numbers sent as strings (some SDKs do),
 * and a clear 47001 for anything that is not a JSON object.
 */
public final class WeChatJson {

    private WeChatJson() {
    }

    public static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw new BusinessException(PlatformError.MALFORMED_REQUEST, "empty post data");
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new BusinessException(PlatformError.MALFORMED_REQUEST, "data format error: invalid JSON");
        } catch (RuntimeException e) {
            // The provider's own limits: Parsson refuses nesting deeper than 1000 with a bare RuntimeException.
            throw new BusinessException(PlatformError.MALFORMED_REQUEST, "data format error: JSON nested too deeply");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BusinessException(PlatformError.MALFORMED_REQUEST, "data format error: expected a JSON object");
        }
        return value.asJsonObject();
    }

    /** A string field, or null when absent or JSON null; a non-string value is its JSON text. */
    public static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    public static boolean bool(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        return "true".equalsIgnoreCase(text) || "1".equals(text);
    }
}
