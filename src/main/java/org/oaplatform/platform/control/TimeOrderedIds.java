package org.oaplatform.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Database ids assigned by the application instead of AUTO_INCREMENT, so that inserts batch and nothing reads a
 * generated key back. 64 bits, positive: 41 bits of milliseconds since 2026-01-01 (until 2095), 10 bits of node, 12
 * bits of sequence (4 096 ids per millisecond and node).
 *
 * <p>Ids only grow, on one node and across threads. When the wall clock steps back (NTP, a VM resumed), the
 * generator keeps the last timestamp it used and goes on counting there, borrowing the next millisecond when the
 * sequence is full, until the clock has caught up: ids stay unique and ordered, only their timestamp runs ahead for
 * a while. Instances of a group need distinct nodes ({@code OA_NODE_ID}, 0-1023); without one, each instance picks
 * a random node at start, which two instances share with a chance of one in 1 024. These ids are internal: public
 * identifiers stay opaque ({@link Ids}).
 */
@ApplicationScoped
public class TimeOrderedIds {

    static final long EPOCH_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    static final int NODE_BITS = 10;
    static final int SEQUENCE_BITS = 12;
    static final long MAX_NODE = (1L << NODE_BITS) - 1;
    static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    private static final int TIMESTAMP_SHIFT = NODE_BITS + SEQUENCE_BITS;
    private static final Logger LOG = Logger.getLogger(TimeOrderedIds.class.getName());

    @Inject
    @ConfigProperty(name = "oa.node-id")
    Optional<Integer> configuredNode;

    private long node;
    private LongSupplier millis = System::currentTimeMillis;
    /** The last id handed out; the next one is derived from it and the clock. */
    private final AtomicLong last = new AtomicLong();

    public TimeOrderedIds() {
    }

    TimeOrderedIds(long node, LongSupplier millis) {
        this.node = requireNode(node);
        this.millis = millis;
    }

    /** A generator outside the container (tools that write rows beside the server), on a node of the caller's. */
    public static TimeOrderedIds onNode(long node) {
        return new TimeOrderedIds(node, System::currentTimeMillis);
    }

    @PostConstruct
    void chooseNode() {
        node = requireNode(configuredNode.map(Integer::longValue)
                .orElseGet(() -> (long) new SecureRandom().nextInt((int) MAX_NODE + 1)));
        LOG.info(() -> "Time-ordered ids: node " + node + (configuredNode.isPresent() ? "" : " (random; set OA_NODE_ID)"));
    }

    public long next() {
        while (true) {
            long previous = last.get();
            long candidate = following(previous, millis.getAsLong() - EPOCH_MILLIS);
            if (last.compareAndSet(previous, candidate)) {
                return candidate;
            }
        }
    }

    private long following(long previous, long now) {
        long previousTimestamp = previous >>> TIMESTAMP_SHIFT;
        if (now > previousTimestamp) {
            return compose(now, 0);
        }
        long sequence = previous & MAX_SEQUENCE;
        return sequence < MAX_SEQUENCE ? previous + 1 : compose(previousTimestamp + 1, 0);
    }

    private long compose(long timestamp, long sequence) {
        return timestamp << TIMESTAMP_SHIFT | node << SEQUENCE_BITS | sequence;
    }

    /** When an id was made (ahead of the truth while the generator was borrowing after a clock step). */
    public static Instant timestampOf(long id) {
        return Instant.ofEpochMilli((id >>> TIMESTAMP_SHIFT) + EPOCH_MILLIS);
    }

    public static long nodeOf(long id) {
        return (id >>> SEQUENCE_BITS) & MAX_NODE;
    }

    private static long requireNode(long node) {
        if (node < 0 || node > MAX_NODE) {
            throw new IllegalArgumentException("OA_NODE_ID must be between 0 and " + MAX_NODE + ", not " + node);
        }
        return node;
    }
}
