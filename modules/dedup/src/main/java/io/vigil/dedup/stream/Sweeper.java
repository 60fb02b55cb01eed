package io.vigil.dedup.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes a store's entries last seen before the horizon, a bounded slice per call: each call goes
 * on where the previous one stopped and starts over at the end, so every entry is examined once per
 * round and no call blocks the stream thread for long. Deletions reach the changelog topic as
 * tombstones, which compaction then drops: memory and disk stay bounded by the horizon.
 */
final class Sweeper<K> {

    private final KeyValueStore<K, byte[]> store;
    private final ToLongFunction<byte[]> seenAt;
    private K cursor;

    Sweeper(KeyValueStore<K, byte[]> store, ToLongFunction<byte[]> seenAt) {
        this.store = store;
        this.seenAt = seenAt;
    }

    /**
     * Examines up to {@code batch} entries.
     *
     * @return how many were deleted
     */
    int sweep(long notBefore, int batch) {
        List<K> expired = new ArrayList<>();
        int examined = 0;
        try (KeyValueIterator<K, byte[]> it =
                cursor == null ? store.all() : store.range(cursor, null)) {
            while (it.hasNext() && examined < batch) {
                KeyValue<K, byte[]> entry = it.next();
                examined++;
                if (seenAt.applyAsLong(entry.value) < notBefore) {
                    expired.add(entry.key);
                }
            }
            cursor = it.hasNext() ? it.peekNextKey() : null;
        }
        for (K key : expired) {
            store.delete(key);
        }
        return expired.size();
    }
}
