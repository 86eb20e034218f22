package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code jakarta.json.Json.createX(...)} looks the JSON-P provider up on every call (a ServiceLoader walk through
 * Payara's class loaders); the application uses the provider it looked up once ({@code JsonSupport.JSON}).
 */
class JsonProviderUseTest {

    static final Pattern STATIC_FACTORY = Pattern.compile("(?<![A-Za-z_.])Json\\.create");

    @Test
    void noStaticJsonFactoriesInTheApplication() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return STATIC_FACTORY.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).sorted().toList();
            assertEquals(List.of(), offenders, "use JsonSupport.JSON instead of Json.create...");
        }
    }
}
