package org.oaplatform.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GridCacheTest {

    @Test
    void withoutAJCacheProviderEveryReadGoesToTheLoader() {
        GridCache<String, String> cache = GridCache.open("no-grid-here", Duration.ofMinutes(1),
                GridCodec.STRING);
        AtomicInteger loads = new AtomicInteger();

        assertEquals(Optional.of("v1"), cache.get("k", k -> Optional.of("v" + loads.incrementAndGet())));
        assertEquals(Optional.of("v2"), cache.get("k", k -> Optional.of("v" + loads.incrementAndGet())));
        cache.forget("k");
        assertEquals(2, loads.get());
    }
}
