package org.oaplatform.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridFieldsTest {

    @Test
    void fieldsComeBackAsTheyWereWrittenNullsAndNanosecondsIncluded() {
        Instant exact = Instant.parse("2026-12-02T19:04:05.123456789Z");
        Instant beforeTheEpoch = Instant.parse("1969-12-31T23:59:59.5Z");
        String encoded = GridFields.writer().add(42L).add((String) null).add(exact).add(ChronoUnit.DAYS)
                .add((Instant) null).add(beforeTheEpoch).add(-7L).toString();

        GridFields fields = GridFields.reader(encoded);
        assertEquals(42L, fields.nextLong());
        assertNull(fields.nextString());
        assertEquals(exact, fields.nextInstant());
        assertEquals(ChronoUnit.DAYS, fields.nextEnum(ChronoUnit.class));
        assertNull(fields.nextInstant());
        assertEquals(beforeTheEpoch, fields.nextInstant());
        assertEquals(-7L, fields.nextLong());
        assertEquals(List.of(), fields.rest());
    }

    @Test
    void theRestIsEveryFieldLeftAndNothingWhenNoneWasWritten() {
        assertEquals(List.of("10.0.0.1", "::1"),
                fieldsAfterOne(GridFields.writer().add(1L).add("10.0.0.1").add("::1").toString()));
        assertEquals(List.of(), fieldsAfterOne(GridFields.writer().add(1L).toString()));
    }

    @Test
    void aFieldThatCouldNotBeReadBackIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GridFields.writer().add(""));
        assertThrows(IllegalArgumentException.class, () -> GridFields.writer().add("a\u001fb"));
    }

    @Test
    void readingPastTheLastFieldFails() {
        GridFields fields = GridFields.reader(GridFields.writer().add(1L).toString());
        fields.nextLong();
        assertThrows(IllegalStateException.class, fields::nextString);
    }

    private static List<String> fieldsAfterOne(String encoded) {
        GridFields fields = GridFields.reader(encoded);
        fields.nextLong();
        return fields.rest();
    }
}
