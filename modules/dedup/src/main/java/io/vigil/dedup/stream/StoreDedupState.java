package io.vigil.dedup.stream;

import io.vigil.dedup.story.DedupState;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import io.vigil.dedup.stream.StoreCodec.BucketEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DedupState} over the stage's article, story and bucket stores (RocksDB), with a bounded
 * in-process LRU cache of decoded entries in front of each store.
 *
 * <p>The caches are write-through: every write goes to its store at once (and so to its changelog,
 * in the same transaction as the output), the cache only spares reads and decoding. The task that
 * owns the stores is their only writer (the sweeper's deletions evict here too), so a cached entry
 * is always what the store holds. A bucket that the store does not have is cached as empty: the
 * stage writes every bucket it reads right after (unless the article was a near-exact copy). The
 * caches live and die with the processor: a task closed, revived or moved starts with empty ones.
 */
final class StoreDedupState implements DedupState {

    private static final Logger LOG = LoggerFactory.getLogger(StoreDedupState.class);

    private final KeyValueStore<String, byte[]> articles;
    private final KeyValueStore<String, byte[]> stories;
    private final KeyValueStore<Long, byte[]> buckets;
    private final LruCache<String, StoredArticle> articleCache;
    private final LruCache<String, StoredStory> storyCache;
    private final LruCache<Long, List<BucketEntry>> bucketCache;
    private final KeyFilter bucketFilter;
    private long rebuildAt;

    /**
     * @param cacheSizes most entries cached for articles, stories and buckets (0: none)
     * @param bucketFilterBytes memory of the filter of bucket keys (0: none); the filter is filled
     *     from the bucket store here, which takes a few seconds for tens of millions of buckets
     */
    StoreDedupState(
            KeyValueStore<String, byte[]> articles,
            KeyValueStore<String, byte[]> stories,
            KeyValueStore<Long, byte[]> buckets,
            CacheSizes cacheSizes,
            long bucketFilterBytes) {
        this.articles = articles;
        this.stories = stories;
        this.buckets = buckets;
        this.articleCache = new LruCache<>(cacheSizes.articles());
        this.storyCache = new LruCache<>(cacheSizes.stories());
        this.bucketCache = new LruCache<>(cacheSizes.buckets());
        this.bucketFilter = bucketFilterBytes > 0 ? new KeyFilter(bucketFilterBytes) : null;
        if (bucketFilter != null) {
            fillBucketFilter();
        }
    }

    /** How many entries of each store are kept decoded in memory. */
    record CacheSizes(int articles, int stories, int buckets) {}

    @Override
    public StoredArticle article(String articleId, long notBefore) {
        StoredArticle a = articleCache.get(articleId);
        if (a == null) {
            byte[] bytes = articles.get(articleId);
            if (bytes == null) {
                return null;
            }
            a = StoreCodec.article(bytes);
            articleCache.put(articleId, a);
        }
        return a.seenAt() < notBefore ? null : a;
    }

    @Override
    public void putArticle(String articleId, StoredArticle article) {
        articles.put(articleId, StoreCodec.article(article));
        articleCache.put(articleId, article);
    }

    @Override
    public StoredStory story(String storyId, long notBefore) {
        StoredStory s = storyCache.get(storyId);
        if (s == null) {
            byte[] bytes = stories.get(storyId);
            if (bytes == null) {
                return null;
            }
            s = StoreCodec.story(bytes);
            storyCache.put(storyId, s);
        }
        return s.seenAt() < notBefore ? null : s;
    }

    @Override
    public void putStory(String storyId, StoredStory story) {
        stories.put(storyId, StoreCodec.story(story));
        storyCache.put(storyId, story);
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

    /** Writes the article into all its buckets in one batch (one RocksDB write batch). */
    @Override
    public void addToBuckets(
            long[] keys, String articleId, long now, int capacity, long notBefore) {
        List<KeyValue<Long, byte[]>> batch = new ArrayList<>(keys.length);
        for (long bucket : keys) {
            List<BucketEntry> entries = new ArrayList<>(entries(bucket));
            entries.removeIf(e -> e.time() < notBefore || e.articleId().equals(articleId));
            entries.add(new BucketEntry(articleId, now));
            while (entries.size() > capacity) {
                entries.remove(0);
            }
            List<BucketEntry> updated = List.copyOf(entries);
            bucketCache.put(bucket, updated);
            batch.add(KeyValue.pair(bucket, StoreCodec.bucket(updated)));
        }
        buckets.putAll(batch);
        if (bucketFilter != null) {
            for (long bucket : keys) {
                bucketFilter.add(bucket);
            }
            if (bucketFilter.added() > rebuildAt) {
                fillBucketFilter(); // swept buckets leave their bits behind: start afresh
            }
        }
    }

    /** Forgets a swept article (the sweeper deleted it from the store). */
    void sweptArticle(String articleId) {
        articleCache.remove(articleId);
    }

    void sweptStory(String storyId) {
        storyCache.remove(storyId);
    }

    void sweptBucket(Long bucket) {
        bucketCache.remove(bucket);
    }

    /** Drops every cached entry (the processor is closing). */
    void clearCaches() {
        articleCache.clear();
        storyCache.clear();
        bucketCache.clear();
    }

    private List<BucketEntry> entries(long bucket) {
        List<BucketEntry> cached = bucketCache.get(bucket);
        if (cached != null) {
            return cached;
        }
        byte[] bytes =
                bucketFilter == null || bucketFilter.mightContain(bucket)
                        ? buckets.get(bucket)
                        : null;
        List<BucketEntry> entries =
                bytes == null ? List.of() : List.copyOf(StoreCodec.bucket(bytes));
        bucketCache.put(bucket, entries);
        return entries;
    }

    /** Fills the bucket filter with the keys of the bucket store. */
    private void fillBucketFilter() {
        long t0 = System.nanoTime();
        bucketFilter.clear();
        try (KeyValueIterator<Long, byte[]> it = buckets.all()) {
            while (it.hasNext()) {
                bucketFilter.add(it.next().key);
            }
        }
        long keys = bucketFilter.added();
        rebuildAt = Math.max(bucketFilter.capacity(), 2 * keys);
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
