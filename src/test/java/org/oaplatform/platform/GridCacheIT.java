package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.platform.control.GridCache;
import org.oaplatform.platform.control.GridCodec;
import org.oaplatform.testsupport.Deployments;

/** The grid cache in Payara's data grid: it really caches, forgets, and never keeps a value loaded before a change. */
@ExtendWith(ArquillianExtension.class)
class GridCacheIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClass(Deployments.class);
    }

    @Inject
    UserTransaction transaction;

    private final GridCache<String, String> cache = GridCache.open("oaplatform.test.grid-cache",
            Duration.ofMinutes(1), GridCodec.STRING);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aSecondReadIsServedFromTheGridUntilTheKeyIsForgotten() {
        String key = UUID.randomUUID().toString();
        assertEquals(Optional.of("load 1"), read(key));
        assertEquals(Optional.of("load 1"), read(key));
        cache.forget(key);
        assertEquals(Optional.of("load 2"), read(key));
        assertEquals(2, loads.get());
    }

    @Test
    void nothingIsCachedWhenTheKeyIsNotFound() {
        String key = UUID.randomUUID().toString();
        assertEquals(Optional.empty(), cache.get(key, k -> {
            loads.incrementAndGet();
            return Optional.empty();
        }));
        assertEquals(Optional.of("load 2"), read(key));
    }

    @Test
    void aValueLoadedWhileTheKeyWasForgottenIsNotCached() {
        String key = UUID.randomUUID().toString();
        assertEquals(Optional.of("stale"), cache.get(key, k -> {
            cache.forget(k);
            return Optional.of("stale");
        }));
        assertEquals(Optional.of("load 1"), read(key), "the stale value was not kept");
    }

    @Test
    void aChangingTransactionForgetsTheKeyAgainWhenItCommits() throws Exception {
        String key = UUID.randomUUID().toString();
        transaction.begin();
        cache.forget(key);
        // a reader between the change and its commit loads the old state and may cache it...
        assertEquals(Optional.of("load 1"), read(key));
        transaction.commit();
        // ...but the commit forgets it once more
        assertEquals(Optional.of("load 2"), read(key));
    }

    private Optional<String> read(String key) {
        return cache.get(key, k -> Optional.of("load " + loads.incrementAndGet()));
    }
}
