package io.vigil.dedup.stream;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used entries of a store, decoded, within a memory budget (least recently used
 * go first). Entries are weighed by an estimate of their heap size. Values must be immutable. Not
 * thread-safe.
 */
final class RecentCache<K, V> {

    private record Weighed<V>(V value, int weight) {}

    private final LinkedHashMap<K, Weighed<V>> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private final long budget;
    private long weight;
    private long hits;
    private long misses;

    /**
     * @param budget bytes the entries may weigh together; 0 caches nothing
     */
    RecentCache(long budget) {
        this.budget = budget;
    }

    /** The cached value, or null. */
    V get(K key) {
        Weighed<V> w = entries.get(key);
        if (w == null) {
            misses++;
            return null;
        }
        hits++;
        return w.value();
    }

    void put(K key, V value, int weight) {
        if (weight > budget) {
            remove(key);
            return;
        }
        Weighed<V> old = entries.put(key, new Weighed<>(value, weight));
        this.weight += weight - (old == null ? 0 : old.weight());
        Iterator<Map.Entry<K, Weighed<V>>> eldest = entries.entrySet().iterator();
        while (this.weight > budget && eldest.hasNext()) {
            this.weight -= eldest.next().getValue().weight();
            eldest.remove();
        }
    }

    void remove(K key) {
        Weighed<V> old = entries.remove(key);
        if (old != null) {
            weight -= old.weight();
        }
    }

    void clear() {
        entries.clear();
        weight = 0;
    }

    int size() {
        return entries.size();
    }

    /** Share of look-ups answered from the cache since it was made. */
    double hitRate() {
        long all = hits + misses;
        return all == 0 ? 0 : (double) hits / all;
    }
}
