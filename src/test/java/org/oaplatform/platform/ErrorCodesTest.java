package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.ErrorCode;

/** The codes are spread over the components' enums; together they must still behave as one table. */
class ErrorCodesTest {

    /** Every component's error enum, found in the compiled classes, so that a new component cannot be left out. */
    static Stream<ErrorCode> all() {
        Path classes;
        try {
            classes = Path.of(ErrorCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(classes)) {
            List<Class<?>> enums = files.map(classes::relativize).map(Path::toString)
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
                    .map(ErrorCodesTest::load)
                    .filter(c -> c.isEnum() && ErrorCode.class.isAssignableFrom(c)).collect(Collectors.toList());
            assertTrue(enums.size() >= 8, "found only " + enums);
            return enums.stream().flatMap(c -> Stream.of(c.getEnumConstants())).map(ErrorCode.class::cast);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ErrorCodesTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }

    @Test
    void namesAreUniqueAcrossComponentsBecauseThePortalKeysMessagesByThem() {
        Map<String, ErrorCode> byName = new HashMap<>();
        all().forEach(code -> assertEquals(null, byName.put(code.name(), code), "two codes named " + code.name()));
    }

    @Test
    void aProblemTypeMeansOneHttpStatus() {
        Map<String, Integer> statusByType = new HashMap<>();
        all().forEach(code -> {
            Integer before = statusByType.putIfAbsent(code.problemType(), code.httpStatus());
            assertTrue(before == null || before == code.httpStatus(), code.problemType() + " has two statuses");
        });
    }

    @Test
    void portalMessagesNameRealCodesInBothLanguages() throws IOException {
        Set<String> names = all().map(ErrorCode::name).collect(Collectors.toSet());
        Set<String> english = errorKeys("messages.properties");
        assertEquals(english, errorKeys("messages_zh_CN.properties"));
        english.forEach(name -> assertTrue(names.contains(name), "error." + name + " names no code"));
    }

    private Set<String> errorKeys(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/oaplatform/portal/" + bundle)) {
            messages.load(in);
        }
        return messages.stringPropertyNames().stream().filter(k -> k.matches("error\\.[A-Z][A-Z0-9_]*"))
                .map(k -> k.substring("error.".length())).collect(Collectors.toSet());
    }
}
