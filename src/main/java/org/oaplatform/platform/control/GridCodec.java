package org.oaplatform.platform.control;

/**
 * How a {@link GridCache} value travels through the grid: as one string. The grid stores values serialized and
 * deserializes them on every read; a string is the one shape it does natively, where a record would go through Java
 * serialization (class descriptors, reflection) on each of the token and session checks that read it — 7 % of a
 * token-checked call's server time (docs/performance.md). {@link GridFields} writes and reads the fields.
 */
public interface GridCodec<V> {

    /** For values that are strings already. */
    GridCodec<String> STRING = new GridCodec<>() {
        @Override
        public String encode(String value) {
            return value;
        }

        @Override
        public String decode(String encoded) {
            return encoded;
        }
    };

    String encode(V value);

    V decode(String encoded);
}
