package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JAX-RS resources are application-scoped CDI beans. A request-scoped resource is created for every request, and
 * creating it injects its EJBs through a JNDI lookup each time: 6 % of a token-checked call's server CPU in the
 * hot-path profile (docs/performance.md). Resources hold no state of a request; what a request needs comes from
 * request-scoped beans (CurrentPerson, CallingAccount) through their proxies, and from method parameters.
 */
class ResourceScopeTest {

    @Test
    void everyResourceIsApplicationScoped() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> requestScoped = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("\n@Path(") && !text.contains("\n@ApplicationScoped");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(Path::toString).sorted().toList();
            assertEquals(List.of(), requestScoped, "resources must be @ApplicationScoped");
        }
    }
}
