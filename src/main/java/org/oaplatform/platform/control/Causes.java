package org.oaplatform.platform.control;

import java.util.stream.Stream;

/**
 * The chain of causes of a failure, walked one way everywhere: containers wrap what a request threw several times
 * (EJB, JTA, JPA, the driver), and what it means is somewhere inside. Bounded, so a cycle of causes cannot hang a
 * request; OmniFaces' {@code Exceptions.extract} does the same when one exception type is all that is asked.
 */
public final class Causes {

    private static final int DEEPEST = 32;

    private Causes() {
    }

    /** {@code thrown} and its causes, outermost first. */
    public static Stream<Throwable> of(Throwable thrown) {
        return Stream.iterate(thrown, t -> t != null, t -> t.getCause() == t ? null : t.getCause()).limit(DEEPEST);
    }
}
