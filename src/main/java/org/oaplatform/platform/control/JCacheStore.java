package org.oaplatform.platform.control;

import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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

    /** The container's CacheManager, exactly what {@code @Inject CacheManager} gives: Payara's data grid. */
    static JCacheStore open(String name, Duration lifetime) {
        CacheManager manager = CDI.current().select(CacheManager.class).get();
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
        return new JCacheStore(cache);
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
