package org.oaplatform.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.templates.control.TemplateData;
import org.oaplatform.templates.control.TemplateError;

/** The {@code data} of {@code message/template/send}: values, colours and the typed keys' lengths (spec §5.1). */
class TemplateDataTest {

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void readsValuesAndColours() {
        TemplateData data = TemplateData.read(json("{\"data\":{\"first\":{\"value\":\"hi\",\"color\":\"#173177\"},"
                + "\"keyword1\":{\"value\":42}}}").get("data"));
        assertEquals("hi", data.values().get("first"));
        assertEquals("42", data.values().get("keyword1"), "numbers are taken as their text, as WeChat does");
        assertEquals("#173177", data.colours().get("first"));
    }

    @ParameterizedTest(name = "{0} with {1} characters: {2}")
    @CsvSource({
        "thing1, 20, ok", "thing1, 21, refused",
        "character_string2, 32, ok", "character_string2, 33, refused",
        "phone_number3, 17, ok", "phone_number3, 18, refused",
        "car_number4, 8, ok", "car_number4, 9, refused",
        "const5, 20, ok", "const5, 21, refused",
        "keyword1, 200, ok", "keyword1, 201, refused"
    })
    void typedKeysHaveTheirLengths(String key, int length, String outcome) {
        String value = "字".repeat(length);
        String body = "{\"" + key + "\":{\"value\":\"" + value + "\"}}";
        if (outcome.equals("ok")) {
            assertEquals(value, TemplateData.read(json(body)).values().get(key));
        } else {
            BusinessException e = assertThrows(BusinessException.class, () -> TemplateData.read(json(body)));
            assertEquals(TemplateError.INVALID_DATA, e.code());
        }
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String twentyEmoji = "😀".repeat(20);
        assertEquals(twentyEmoji, TemplateData.read(json("{\"thing1\":{\"value\":\"" + twentyEmoji + "\"}}"))
                .values().get("thing1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]", "\"text\"", "{\"first\":\"bare string\"}", "{\"first\":{}}", "{\"first\":{\"value\":null}}",
        "{\"first\":{\"value\":\"x\",\"color\":\"red\"}}", "{\"first\":{\"value\":\"x\",\"color\":\"#12345\"}}",
        "{\"first\":{\"value\":{\"nested\":1}}}", "{\"bad key\":{\"value\":\"x\"}}"
    })
    void malformedDataIs47003(String data) {
        BusinessException e = assertThrows(BusinessException.class,
                () -> TemplateData.read(Json.createReader(new StringReader(data)).readValue()));
        assertEquals(TemplateError.INVALID_DATA, e.code());
    }

    @Test
    void missingDataIs47003() {
        BusinessException e = assertThrows(BusinessException.class, () -> TemplateData.read(null));
        assertEquals(TemplateError.INVALID_DATA, e.code());
    }
}
