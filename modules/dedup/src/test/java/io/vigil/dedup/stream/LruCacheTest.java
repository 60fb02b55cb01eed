package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LruCacheTest {

    @Test
    void forgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.get("a")).isEqualTo(1); // a is now the most recently used
        cache.put("c", 3);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.get("c")).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(2);
        cache.remove("a");
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void capacityZeroKeepsNothing() {
        LruCache<String, Integer> cache = new LruCache<>(0);
        cache.put("a", 1);
        assertThat(cache.get("a")).isNull();
        assertThat(cache.size()).isZero();
    }
}
