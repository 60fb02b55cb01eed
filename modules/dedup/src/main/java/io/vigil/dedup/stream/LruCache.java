package io.vigil.dedup.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map that forgets its least recently used entry beyond {@code capacity}; capacity 0
 * keeps nothing. Not thread-safe: each stream task has its own.
 */
final class LruCache<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> map;

    LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.map =
                new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                        return size() > LruCache.this.capacity;
                    }
                };
    }

    /** The cached value, or null. */
    V get(K key) {
        return capacity == 0 ? null : map.get(key);
    }

    void put(K key, V value) {
        if (capacity > 0) {
            map.put(key, value);
        }
    }

    void remove(K key) {
        map.remove(key);
    }

    void clear() {
        map.clear();
    }

    int size() {
        return map.size();
    }
}
