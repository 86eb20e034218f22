package org.oaplatform.platform.control;

import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * The only class that touches the JCache API ({@code javax.cache}, which Payara provides and WildFly does not), so
 * that {@link GridCache} loads, and degrades to no cache, where it is missing.
 */
final class JCacheStore {

    private final Cache<Object, Object> cache;

    private JCacheStore(Cache<Object, Object> cache) {
        this.cache = cache;
    }

    /**
     * The container's CacheManager, exactly what {@code @Inject CacheManager} gives: Payara's data grid. The cache is
     * looked up or created on a thread of its own, outside any application component, on purpose: Payara's grid
     * remembers the component that creates a cache (Hazelcast's tenant control) and then, before every operation on
     * it, makes that component's context current on the grid's own thread, looking the CDI container up with a stack
     * walk: 14 % of the CPU of a token-checked call (docs/performance.md). That context is only needed to deserialize
     * the application's classes; these caches hold strings and keys of the JDK's own types ({@link GridCodec}).
     */
    static JCacheStore open(String name, Duration lifetime) {
        CacheManager manager = CDI.current().select(CacheManager.class).get();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread outsideTheApplication = new Thread(null, () -> {
            try {
                outcome.set(cacheOf(manager, name, lifetime));
            } catch (RuntimeException | LinkageError e) {
                outcome.set(e);
            }
        }, "oaplatform-grid-cache-" + name, 0, false); // no inherited thread locals: no component's context
        outsideTheApplication.start();
        try {
            outsideTheApplication.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException("interrupted while opening " + name, e);
        }
        if (outcome.get() instanceof RuntimeException failed) {
            throw failed;
        }
        if (outcome.get() instanceof LinkageError failed) {
            throw failed;
        }
        @SuppressWarnings("unchecked")
        Cache<Object, Object> cache = (Cache<Object, Object>) outcome.get();
        return new JCacheStore(cache);
    }

    private static Cache<Object, Object> cacheOf(CacheManager manager, String name, Duration lifetime) {
        Cache<Object, Object> cache = manager.getCache(name);
        if (cache == null) {
            MutableConfiguration<Object, Object> configuration = new MutableConfiguration<>()
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, lifetime.toSeconds())));
            try {
                cache = manager.createCache(name, configuration);
            } catch (CacheException createdByAnotherInstance) {
                cache = manager.getCache(name);
            }
        }
        return cache;
    }

    Object get(Object key) {
        return cache.get(key);
    }

    boolean putIfAbsent(Object key, Object value) {
        return cache.putIfAbsent(key, value);
    }

    void replace(Object key, Object expected, Object value) {
        cache.replace(key, expected, value);
    }

    void remove(Object key, Object expected) {
        cache.remove(key, expected);
    }

    void remove(Object key) {
        cache.remove(key);
    }
}
