package io.vigil.dedup.stream;

import io.vigil.dedup.story.DedupState;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import io.vigil.dedup.stream.StoreCodec.BucketEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DedupState} over the stage's article, story and bucket stores (RocksDB).
 *
 * <p>Every write goes to the stores, which Kafka Streams keeps consistent with the committed
 * changelogs (an aborted transaction wipes them and restores them before the processor runs again).
 * Two things are held in memory across articles, both made afresh by the processor's {@code init},
 * which Kafka Streams calls after every restoration, so both start from what the stores hold:
 *
 * <ul>
 *   <li>A cache of the most recently used articles, stories and buckets, decoded, within a memory
 *       budget. Every write goes through it to the store, so it holds what the store holds. It pays
 *       because copies of a story arrive close together: the candidates of a new copy are the
 *       articles just written, and so are the buckets they share. The processor clears it after a
 *       sweep deleted entries behind its back.
 *   <li>An optional {@link KeyFilter} of the bucket store's keys, which only ever answers
 *       "certainly absent": it is filled from the store when this object is made, and every bucket
 *       written here goes into it. Writes that an aborted transaction takes back, or that the
 *       sweeper deletes, leave bits behind: that costs a store read, never a wrong answer.
 * </ul>
 *
 * A store that gained keys behind this object's back (restored while it lived) would make either
 * wrong, which is why the processor makes a new one at each {@code init}.
 */
final class StoreDedupState implements DedupState {

    private static final Logger LOG = LoggerFactory.getLogger(StoreDedupState.class);

    private final KeyValueStore<String, byte[]> articles;
    private final KeyValueStore<String, byte[]> stories;
    private final KeyValueStore<Long, byte[]> buckets;
    private final KeyFilter bucketFilter;
    private long refillAt;
    private final RecentCache<String, StoredArticle> recentArticles;
    private final RecentCache<String, StoredStory> recentStories;
    private final RecentCache<Long, List<BucketEntry>> recentBuckets;

    StoreDedupState(
            KeyValueStore<String, byte[]> articles,
            KeyValueStore<String, byte[]> stories,
            KeyValueStore<Long, byte[]> buckets) {
        this(articles, stories, buckets, 0, 0);
    }

    /**
     * @param bucketFilterBytes memory of the filter of bucket keys (0: none); the filter is filled
     *     from the bucket store here, which takes some seconds for tens of millions of buckets
     * @param cacheBytes heap for the cache of recently used entries (0: none): half for articles,
     *     three eighths for buckets, one eighth for stories
     */
    StoreDedupState(
            KeyValueStore<String, byte[]> articles,
            KeyValueStore<String, byte[]> stories,
            KeyValueStore<Long, byte[]> buckets,
            long bucketFilterBytes,
            long cacheBytes) {
        this.articles = articles;
        this.stories = stories;
        this.buckets = buckets;
        this.recentArticles = new RecentCache<>(cacheBytes / 2);
        this.recentBuckets = new RecentCache<>(cacheBytes / 8 * 3);
        this.recentStories = new RecentCache<>(cacheBytes / 8);
        this.bucketFilter = bucketFilterBytes > 0 ? new KeyFilter(bucketFilterBytes) : null;
        if (bucketFilter != null) {
            fillBucketFilter();
        }
    }

    @Override
    public StoredArticle article(String articleId, long notBefore) {
        StoredArticle a =
                read(
                        articleId,
                        recentArticles,
                        articles,
                        StoreCodec::article,
                        v -> weight(articleId, v));
        return a == null || a.seenAt() < notBefore ? null : a;
    }

    @Override
    public void putArticle(String articleId, StoredArticle article) {
        articles.put(articleId, StoreCodec.article(article));
        recentArticles.put(articleId, article, weight(articleId, article));
    }

    @Override
    public StoredStory story(String storyId, long notBefore) {
        StoredStory s =
                read(storyId, recentStories, stories, StoreCodec::story, v -> weight(storyId, v));
        return s == null || s.seenAt() < notBefore ? null : s;
    }

    /** The value from the cache, else from the store (then cached), else null. */
    private static <K, V> V read(
            K key,
            RecentCache<K, V> cache,
            KeyValueStore<K, byte[]> store,
            Function<byte[], V> decode,
            ToIntFunction<V> weigh) {
        V value = cache.get(key);
        if (value == null) {
            byte[] bytes = store.get(key);
            if (bytes == null) {
                return null;
            }
            value = decode.apply(bytes);
            cache.put(key, value, weigh.applyAsInt(value));
        }
        return value;
    }

    @Override
    public void putStory(String storyId, StoredStory story) {
        stories.put(storyId, StoreCodec.story(story));
        recentStories.put(storyId, story, weight(storyId, story));
    }

    /** Forgets the cached entries (after entries were deleted from the stores behind its back). */
    void forgetRecent() {
        recentArticles.clear();
        recentStories.clear();
        recentBuckets.clear();
    }

    /** Share of article look-ups answered from memory, for the bench. */
    double articleHitRate() {
        return recentArticles.hitRate();
    }

    /** Share of bucket look-ups answered from memory or the filter, for the bench. */
    double bucketHitRate() {
        return recentBuckets.hitRate();
    }

    @Override
    public List<String> bucket(long bucket, long notBefore) {
        List<BucketEntry> entries = entries(bucket);
        List<String> ids = new ArrayList<>(entries.size());
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).time() >= notBefore) {
                ids.add(entries.get(i).articleId());
            }
        }
        return ids;
    }

    @Override
    public void addToBucket(long bucket, String articleId, long now, int capacity, long notBefore) {
        addToBuckets(new long[] {bucket}, articleId, now, capacity, notBefore);
    }

    /**
     * Writes the article into all its buckets as one batch (one RocksDB write batch; the changelog
     * still gets one record per bucket, in the same transaction).
     */
    @Override
    public void addToBuckets(
            long[] keys, String articleId, long now, int capacity, long notBefore) {
        Map<Long, List<BucketEntry>> batch = new LinkedHashMap<>();
        for (long bucket : keys) {
            List<BucketEntry> written = batch.get(bucket);
            List<BucketEntry> entries =
                    new ArrayList<>(written != null ? written : entries(bucket));
            entries.removeIf(e -> e.time() < notBefore || e.articleId().equals(articleId));
            entries.add(new BucketEntry(articleId, now));
            while (entries.size() > capacity) {
                entries.remove(0);
            }
            batch.put(bucket, Collections.unmodifiableList(entries));
        }
        List<KeyValue<Long, byte[]>> pairs = new ArrayList<>(batch.size());
        batch.forEach(
                (k, v) -> {
                    pairs.add(KeyValue.pair(k, StoreCodec.bucket(v)));
                    recentBuckets.put(k, v, weight(v));
                });
        if (bucketFilter != null) {
            // into the filter before the store: a key in the store is never missing from the filter
            for (long bucket : batch.keySet()) {
                bucketFilter.add(bucket);
            }
        }
        buckets.putAll(pairs);
        if (bucketFilter != null && bucketFilter.added() > refillAt) {
            fillBucketFilter(); // swept buckets and rewritten ones left their bits: start afresh
        }
    }

    /**
     * An empty bucket, of the one list class the cache holds (keeps the JIT's type checks stable).
     */
    private static final List<BucketEntry> NONE = Collections.unmodifiableList(new ArrayList<>());

    private List<BucketEntry> entries(long bucket) {
        List<BucketEntry> cached = recentBuckets.get(bucket);
        if (cached != null) {
            return cached;
        }
        if (bucketFilter != null && !bucketFilter.mightContain(bucket)) {
            return NONE;
        }
        byte[] bytes = buckets.get(bucket);
        if (bytes == null) {
            return NONE;
        }
        List<BucketEntry> entries = Collections.unmodifiableList(StoreCodec.bucket(bytes));
        recentBuckets.put(bucket, entries, weight(entries));
        return entries;
    }

    // Estimated heap sizes: object headers, fields, arrays, and two bytes per character at most.

    private static int weight(String key, StoredArticle a) {
        return 160
                + 2 * (key.length() + a.storyId().length() + a.host().length())
                + (a.duplicateOf() == null ? 0 : 2 * a.duplicateOf().length())
                + 4 * a.signature().size();
    }

    private static int weight(String key, StoredStory s) {
        int w = 120 + 2 * (key.length() + s.representative().length());
        for (String outlet : s.outlets()) {
            w += 48 + 2 * outlet.length();
        }
        return w;
    }

    private static int weight(List<BucketEntry> entries) {
        int w = 96;
        for (BucketEntry e : entries) {
            w += 80 + 2 * e.articleId().length();
        }
        return w;
    }

    /** Fills the bucket filter with the keys the bucket store holds now. */
    private void fillBucketFilter() {
        long t0 = System.nanoTime();
        bucketFilter.clear();
        try (KeyValueIterator<Long, byte[]> it = buckets.all()) {
            while (it.hasNext()) {
                bucketFilter.add(it.next().key);
            }
        }
        long keys = bucketFilter.added();
        refillAt = Math.max(bucketFilter.capacity(), 2 * keys);
        LOG.info(
                "Bucket filter: {} keys of the bucket store in {} ms (holds {} at 1-2 % false"
                        + " positives)",
                keys, (System.nanoTime() - t0) / 1_000_000, bucketFilter.capacity());
        if (keys > bucketFilter.capacity()) {
            LOG.warn(
                    "The bucket store has {} keys, more than the bucket filter holds well ({}):"
                            + " raise vigil.dedup.bucket-filter-mb",
                    keys,
                    bucketFilter.capacity());
        }
    }
}
