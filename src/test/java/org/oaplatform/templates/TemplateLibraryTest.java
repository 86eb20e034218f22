package org.oaplatform.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oaplatform.templates.control.LibraryTemplate;
import org.oaplatform.templates.control.TemplateData;
import org.oaplatform.templates.control.TemplateLibrary;

/** The shipped library is data a follower will read: it must be consistent, and its examples must be sendable. */
class TemplateLibraryTest {

    static final Pattern LINE = Pattern.compile("^(.*?)\\{\\{([A-Za-z_][A-Za-z0-9_]*)\\.DATA}}$");

    static Map<String, LibraryTemplate> library() {
        InputStream in = TemplateLibrary.class.getResourceAsStream("/templates/library.json");
        return TemplateLibrary.read(in);
    }

    @Test
    void aFewDozenTemplatesAcrossIndustries() {
        Map<String, LibraryTemplate> library = library();
        assertTrue(library.size() >= 24, "a few dozen, was " + library.size());
        Set<String> industries = library.values().stream().map(t -> t.industry().firstClass())
                .collect(Collectors.toSet());
        assertTrue(industries.size() >= 10, "spread over industries: " + industries);
    }

    @Test
    void everyExampleFillsItsTemplateLineByLineAndIsSendable() {
        for (LibraryTemplate template : library().values()) {
            String[] lines = template.content().text().split("\n");
            String[] example = template.example().split("\n");
            assertEquals(lines.length, example.length, template.id() + ": one example line per template line");
            JsonObjectBuilder data = Json.createObjectBuilder();
            for (int i = 0; i < lines.length; i++) {
                Matcher line = LINE.matcher(lines[i]);
                assertTrue(line.matches(), template.id() + ": one placeholder per line, at its end: " + lines[i]);
                assertTrue(example[i].startsWith(line.group(1)), template.id() + ": example keeps the label");
                data.add(line.group(2), Json.createObjectBuilder().add("value",
                        example[i].substring(line.group(1).length())));
            }
            TemplateData sendable = TemplateData.read(data.build());
            assertEquals(template.example(), template.content().render(sendable.values()), template.id());
            assertFalse(template.title().isBlank(), template.id());
        }
    }
}
