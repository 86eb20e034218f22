package org.oaplatform.platform.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a grid value ({@link GridCodec}) in one string, separated by the ASCII unit separator, which none of
 * the values it carries (ids, appids, instants, enum names, IP addresses) can contain; {@code null} is written as the
 * empty field, so an empty string cannot be told from it and is refused.
 */
public final class GridFields {

    private static final char SEPARATOR = '\u001f';

    private final StringBuilder written = new StringBuilder(64);
    private final String read;
    private int position;

    private GridFields(String read) {
        this.read = read;
    }

    public static GridFields writer() {
        return new GridFields(null);
    }

    public static GridFields reader(String encoded) {
        return new GridFields(encoded);
    }

    public GridFields add(long value) {
        return add(Long.toString(value));
    }

    /** Exact to the nanosecond: seconds and nanoseconds. */
    public GridFields add(Instant value) {
        return add(value == null ? null : value.getEpochSecond() + "." + value.getNano());
    }

    public GridFields add(Enum<?> value) {
        return add(value == null ? null : value.name());
    }

    public GridFields add(String value) {
        if (value != null && (value.isEmpty() || value.indexOf(SEPARATOR) >= 0)) {
            throw new IllegalArgumentException("a grid field cannot be empty or hold the unit separator");
        }
        if (position++ > 0) { // a writer counts its fields in position
            written.append(SEPARATOR);
        }
        if (value != null) {
            written.append(value);
        }
        return this;
    }

    @Override
    public String toString() {
        return written.toString();
    }

    /** The next field, {@code null} when it was written as {@code null}. */
    public String nextString() {
        if (position > read.length()) {
            throw new IllegalStateException("no more fields in a grid value");
        }
        int end = read.indexOf(SEPARATOR, position);
        if (end < 0) {
            end = read.length();
        }
        String field = read.substring(position, end);
        position = end + 1;
        return field.isEmpty() ? null : field;
    }

    public long nextLong() {
        return Long.parseLong(nextString());
    }

    public Instant nextInstant() {
        String field = nextString();
        if (field == null) {
            return null;
        }
        int dot = field.indexOf('.');
        return Instant.ofEpochSecond(Long.parseLong(field, 0, dot, 10), Integer.parseInt(field, dot + 1,
                field.length(), 10));
    }

    public <E extends Enum<E>> E nextEnum(Class<E> type) {
        String field = nextString();
        return field == null ? null : Enum.valueOf(type, field);
    }

    /** The remaining fields (a set's members written last). */
    public List<String> rest() {
        List<String> fields = new ArrayList<>();
        while (position <= read.length() && !read.isEmpty()) {
            fields.add(nextString());
        }
        return fields;
    }
}
