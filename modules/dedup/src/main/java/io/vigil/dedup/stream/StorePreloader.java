package io.vigil.dedup.stream;

import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.fingerprint.Signature;
import io.vigil.dedup.story.HostFurniture;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import io.vigil.dedup.stream.StoreCodec.BucketEntry;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Fills the stage's stores with synthetic articles, as if they had been accepted: one stored
 * article, one story and one entry in each LSH band's bucket per article, and the furniture of
 * 5,000 hosts, written with the same codec the stage uses, in batches. For the bench's throughput
 * measurement with a million stored signatures.
 */
public final class StorePreloader {

    private static final int BATCH = 20_000;
    private static final int HOSTS = 5_000;
    private static final int FURNITURE_PARAGRAPHS = 128;

    private StorePreloader() {}

    /**
     * @param stores the stage's store of the given name (e.g. {@code
     *     TopologyTestDriver::getKeyValueStore})
     * @return the number of entries written
     */
    @SuppressWarnings("unchecked")
    public static long load(
            Function<String, KeyValueStore<?, ?>> stores,
            DedupProperties settings,
            int articles,
            long seed,
            long time) {
        KeyValueStore<String, byte[]> articleStore =
                (KeyValueStore<String, byte[]>) stores.apply(DedupTopology.ARTICLES);
        KeyValueStore<String, byte[]> storyStore =
                (KeyValueStore<String, byte[]>) stores.apply(DedupTopology.STORIES);
        KeyValueStore<Long, byte[]> bucketStore =
                (KeyValueStore<Long, byte[]>) stores.apply(DedupTopology.BUCKETS);
        KeyValueStore<String, byte[]> furnitureStore =
                (KeyValueStore<String, byte[]>) stores.apply(DedupTopology.FURNITURE);
        SplittableRandom random = new SplittableRandom(seed);
        HexFormat hex = HexFormat.of();
        List<KeyValue<String, byte[]>> a = new ArrayList<>(BATCH);
        List<KeyValue<String, byte[]>> s = new ArrayList<>(BATCH);
        List<KeyValue<Long, byte[]>> b = new ArrayList<>(BATCH * settings.bands());
        List<KeyValue<String, byte[]>> p = new ArrayList<>();
        long written = 0;
        for (int h = 0; h < HOSTS; h++) {
            long[] hashes = new long[FURNITURE_PARAGRAPHS];
            int[] counts = new int[FURNITURE_PARAGRAPHS];
            long[] seenAt = new long[FURNITURE_PARAGRAPHS];
            for (int j = 0; j < hashes.length; j++) {
                hashes[j] = random.nextLong();
                counts[j] = 1 + random.nextInt(50);
                seenAt[j] = time;
            }
            p.add(
                    KeyValue.pair(
                            "outlet-" + h + ".example",
                            StoreCodec.furniture(new HostFurniture(hashes, counts, seenAt))));
        }
        for (int i = 0; i < articles; i++) {
            String id = hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
            int[] slots = new int[settings.hashes()];
            for (int j = 0; j < slots.length; j++) {
                slots[j] = random.nextInt();
            }
            Signature signature = new Signature(slots);
            String host = "outlet-" + random.nextInt(HOSTS) + ".example";
            a.add(
                    KeyValue.pair(
                            id,
                            StoreCodec.article(
                                    new StoredArticle(
                                            id,
                                            null,
                                            1.0,
                                            host,
                                            time,
                                            time,
                                            100 + random.nextInt(1_500),
                                            signature))));
            s.add(KeyValue.pair(id, StoreCodec.story(new StoredStory(id, 1, List.of(host), time))));
            byte[] entry = StoreCodec.bucket(List.of(new BucketEntry(id, time)));
            for (int band = 0; band < settings.bands(); band++) {
                b.add(KeyValue.pair(signature.bucket(band, settings.rows()), entry));
            }
            if (a.size() == BATCH || i == articles - 1) {
                written += a.size() + s.size() + b.size() + p.size();
                articleStore.putAll(a);
                storyStore.putAll(s);
                bucketStore.putAll(b);
                furnitureStore.putAll(p);
                a.clear();
                s.clear();
                b.clear();
                p.clear();
            }
        }
        return written;
    }
}
