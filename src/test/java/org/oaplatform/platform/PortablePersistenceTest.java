package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The same WAR runs on Payara (EclipseLink) and WildFly (Hibernate), so queries and persistence calls keep to what
 * the JPA specification allows; each provider accepts things of its own that the other refuses, so neither server's
 * tests would notice. MySQL-only SQL belongs in native queries, which this does not read.
 */
class PortablePersistenceTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A fetch join with an identification variable: "JOIN FETCH l.posting p". The specification allows none. */
    private static final Pattern ALIASED_FETCH_JOIN = Pattern.compile(
            "JOIN\\s+FETCH\\s+\\w+(?:\\.\\w+)+\\s+(?:AS\\s+)?(?!(?:WHERE|JOIN|LEFT|INNER|ORDER|GROUP|ON)\\b)\\w+",
            Pattern.CASE_INSENSITIVE);

    /** EclipseLink's JPQL extensions and its own API: FUNC/SQL/OPERATOR/COLUMN/TABLE, hints, unwrapping. */
    private static final Pattern PROVIDER_SPECIFIC = Pattern.compile(
            "\\b(?:FUNC|FUNCTION|SQL|OPERATOR|COLUMN|TABLE)\\s*\\(\\s*'"
                    + "|org\\.eclipse\\.persistence|org\\.hibernate\\.(?!validator)|\"eclipselink\\.|\"hibernate\\."
                    + "|unwrap\\(\\s*(?:java\\.sql\\.)?Connection\\.class");

    @Test
    void noFetchJoinHasAnAlias() throws IOException {
        assertEquals(List.of(), findings(ALIASED_FETCH_JOIN));
    }

    @Test
    void noProviderSpecificQueriesOrApi() throws IOException {
        assertEquals(List.of(), findings(PROVIDER_SPECIFIC));
    }

    @Test
    void theChecksRecogniseWhatTheyForbid() {
        assertFalse(ALIASED_FETCH_JOIN.matcher("SELECT l FROM PostingLeg l JOIN FETCH l.posting WHERE l.id = 1")
                .find());
        assertFalse(ALIASED_FETCH_JOIN.matcher("SELECT s FROM Session s JOIN FETCH s.person").find());
        assertEquals(true, ALIASED_FETCH_JOIN.matcher("SELECT l FROM PostingLeg l JOIN FETCH l.posting p").find());
        assertEquals(true, PROVIDER_SPECIFIC.matcher("WHERE FUNC('DATE', p.at) = :d").find());
        assertEquals(true, PROVIDER_SPECIFIC.matcher("em.unwrap(Connection.class)").find());
    }

    private static List<String> findings(Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                // Queries are written as concatenated literals: read them as the provider will.
                String text = Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", "");
                Matcher matcher = forbidden.matcher(text);
                while (matcher.find()) {
                    found.add(SOURCES.relativize(file) + ": " + matcher.group());
                }
            }
        }
        return found;
    }
}
