package org.oaplatform.platform.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A read-through cache in the data grid (JCache; Payara's Hazelcast), shared by every instance of a deployment group,
 * so that forgetting an entry once forgets it everywhere. Without a JCache provider (WildFly as shipped) every read
 * goes to the loader: slower, never wrong.
 *
 * <p>A fill cannot overwrite a later invalidation: a reader that misses first places a lease, loads, and replaces
 * only its own lease with the value. {@link #forget} removes the entry (and so any lease) at once and again when the
 * surrounding transaction has completed, so a reader that loaded the state from before that commit loses its lease
 * and caches nothing.
 *
 * <p>Entries leave the grid {@code lifetime} after they were written. Values carry their own expiry where they have
 * one, and readers check it against the clock, so an entry never outlives what it describes.
 */
public final class GridCache<K extends Serializable, V> {

    private static final Logger LOG = Logger.getLogger(GridCache.class.getName());
    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    /**
     * Entries are strings: a value is {@code VALUE} and its encoding, a lease (a fill in progress, which only the
     * reader that placed it may turn into a value) is {@code LEASE} and a random number.
     */
    private static final char VALUE = 'v';
    private static final char LEASE = 'l';

    private final String name;
    private final JCacheStore store;
    private final GridCodec<V> codec;

    private GridCache(String name, JCacheStore store, GridCodec<V> codec) {
        this.name = name;
        this.store = store;
        this.codec = codec;
    }

    /** The named grid cache, created on first use with the given lifetime of entries; a pass-through without JCache. */
    public static <K extends Serializable, V> GridCache<K, V> open(String name, Duration lifetime,
            GridCodec<V> codec) {
        try {
            return new GridCache<>(name, JCacheStore.open(name, lifetime), codec);
        } catch (LinkageError | RuntimeException noJCache) {
            LOG.warning(() -> "No JCache provider (" + noJCache + "): " + name
                    + " is not cached, every read goes to the database");
            return new GridCache<>(name, null, codec);
        }
    }

    /** The cached value, or what {@code load} finds (cached unless someone forgot the key meanwhile). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        if (store == null) {
            return load.apply(key);
        }
        String cached = read(key);
        if (cached != null && cached.charAt(0) == VALUE) {
            return Optional.of(codec.decode(cached.substring(1)));
        }
        String lease = cached == null ? LEASE + Long.toString(ThreadLocalRandom.current().nextLong()) : null;
        boolean leased = lease != null && store.putIfAbsent(key, lease);
        Optional<V> loaded = load.apply(key);
        if (leased) {
            if (loaded.isPresent()) {
                store.replace(key, lease, VALUE + codec.encode(loaded.get()));
            } else {
                store.remove(key, lease);
            }
        }
        return loaded;
    }

    /** Forgets the key on every instance, now and once more after the current transaction (if any) completed. */
    public void forget(K key) {
        if (store == null) {
            return;
        }
        store.remove(key);
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    store.remove(key);
                }
            });
        }
    }

    private String read(K key) {
        try {
            Object entry = store.get(key);
            if (entry == null || entry instanceof String s && !s.isEmpty()) {
                return (String) entry;
            }
            throw new IllegalStateException("not an entry of this cache: " + entry.getClass());
        } catch (RuntimeException unreadable) {
            // An entry written by an older deployment in another shape: drop it and load afresh.
            LOG.log(Level.FINE, "Dropping an unreadable entry of " + name, unreadable);
            store.remove(key);
            return null;
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        try {
            return InitialContext.doLookup(REGISTRY);
        } catch (NamingException outsideTheContainer) {
            return null;
        }
    }
}
