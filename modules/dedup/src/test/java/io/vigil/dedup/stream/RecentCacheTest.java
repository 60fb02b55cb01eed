package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedToStayWithinItsBudget() {
        RecentCache<String, String> cache = new RecentCache<>(100);
        cache.put("a", "A", 40);
        cache.put("b", "B", 40);
        assertThat(cache.get("a")).isEqualTo("A"); // a is now the most recently used
        cache.put("c", "C", 40); // 120 > 100: b goes
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo("A");
        assertThat(cache.get("c")).isEqualTo("C");

        cache.put("a", "A2", 10); // replacing frees the old weight: 50 in all
        cache.put("d", "D", 50);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("a")).isEqualTo("A2");

        cache.put("huge", "H", 101); // heavier than the whole budget: not kept
        assertThat(cache.get("huge")).isNull();
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void aZeroBudgetKeepsNothing() {
        RecentCache<Long, String> cache = new RecentCache<>(0);
        cache.put(1L, "one", 1);
        assertThat(cache.get(1L)).isNull();
        assertThat(cache.size()).isZero();
    }
}
