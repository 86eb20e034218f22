package org.oaplatform.templates.control;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template library every account chooses from, shipped as data ({@code templates/library.json}): WeChat keeps
 * its library to itself, so ours is a few dozen realistic templates across the industries, old-style
 * ({@code first}/{@code keywordN}/{@code remark}) and category-style with typed keys.
 */
@ApplicationScoped
public class TemplateLibrary {

    static final String RESOURCE = "/templates/library.json";

    private Map<String, LibraryTemplate> byId;

    @PostConstruct
    void load() {
        try (InputStream in = TemplateLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            byId = read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a library file; an entry with an unknown industry or a repeated id fails the whole file. */
    public static Map<String, LibraryTemplate> read(InputStream in) {
        Map<String, LibraryTemplate> templates = new LinkedHashMap<>();
        try (JsonReader reader = JSON.createReader(in)) {
            for (JsonValue value : reader.readArray()) {
                JsonObject entry = value.asJsonObject();
                int industryId = entry.getInt("industry");
                Industry industry = Industry.byId(industryId).orElseThrow(
                        () -> new IllegalStateException("unknown industry " + industryId + " in " + entry));
                LibraryTemplate template = new LibraryTemplate(entry.getString("id"), entry.getString("title"),
                        industry, new TemplateContent(entry.getString("content")), entry.getString("example"));
                if (templates.putIfAbsent(template.id(), template) != null) {
                    throw new IllegalStateException("template id " + template.id() + " appears twice");
                }
            }
        }
        return Map.copyOf(templates);
    }

    public Optional<LibraryTemplate> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<LibraryTemplate> all() {
        return byId.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
