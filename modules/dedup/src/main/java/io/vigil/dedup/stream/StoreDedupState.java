package io.vigil.dedup.stream;

import io.vigil.dedup.story.DedupState;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import io.vigil.dedup.stream.StoreCodec.BucketEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DedupState} over the stage's article, story and bucket stores (RocksDB).
 *
 * <p>Every read goes to the stores, which Kafka Streams keeps consistent with the committed
 * changelogs (an aborted transaction wipes them and restores them before the processor runs again).
 * The one thing held in memory across articles is an optional {@link KeyFilter} of the bucket
 * store's keys, which only ever answers "certainly absent": it is filled from the store when this
 * object is made (by the processor's {@code init}, which Kafka Streams calls after every
 * restoration), and every bucket written here goes into it. Writes that an aborted transaction
 * takes back, or that the sweeper deletes, leave bits behind: that costs a store read, never a
 * wrong answer. A store that gained keys behind its back (restored while this object lived) would
 * make it wrong, which is why the processor makes a new one at each {@code init}.
 */
final class StoreDedupState implements DedupState {

    private static final Logger LOG = LoggerFactory.getLogger(StoreDedupState.class);

    private final KeyValueStore<String, byte[]> articles;
    private final KeyValueStore<String, byte[]> stories;
    private final KeyValueStore<Long, byte[]> buckets;
    private final KeyFilter bucketFilter;
    private long refillAt;

    private static final int MAX_READ = 1024;

    /**
     * Buckets read for the current article, written back right after: read once. The {@link
     * io.vigil.dedup.story.Deduplicator} reads every bucket of an article before it writes any;
     * forgotten once written.
     */
    private final Map<Long, List<BucketEntry>> read = new HashMap<>();

    StoreDedupState(
            KeyValueStore<String, byte[]> articles,
            KeyValueStore<String, byte[]> stories,
            KeyValueStore<Long, byte[]> buckets) {
        this(articles, stories, buckets, 0);
    }

    /**
     * @param bucketFilterBytes memory of the filter of bucket keys (0: none); the filter is filled
     *     from the bucket store here, which takes some seconds for tens of millions of buckets
     */
    StoreDedupState(
            KeyValueStore<String, byte[]> articles,
            KeyValueStore<String, byte[]> stories,
            KeyValueStore<Long, byte[]> buckets,
            long bucketFilterBytes) {
        this.articles = articles;
        this.stories = stories;
        this.buckets = buckets;
        this.bucketFilter = bucketFilterBytes > 0 ? new KeyFilter(bucketFilterBytes) : null;
        if (bucketFilter != null) {
            fillBucketFilter();
        }
    }

    @Override
    public StoredArticle article(String articleId, long notBefore) {
        byte[] bytes = articles.get(articleId);
        if (bytes == null) {
            return null;
        }
        StoredArticle a = StoreCodec.article(bytes);
        return a.seenAt() < notBefore ? null : a;
    }

    @Override
    public void putArticle(String articleId, StoredArticle article) {
        articles.put(articleId, StoreCodec.article(article));
    }

    @Override
    public StoredStory story(String storyId, long notBefore) {
        byte[] bytes = stories.get(storyId);
        if (bytes == null) {
            return null;
        }
        StoredStory s = StoreCodec.story(bytes);
        return s.seenAt() < notBefore ? null : s;
    }

    @Override
    public void putStory(String storyId, StoredStory story) {
        stories.put(storyId, StoreCodec.story(story));
    }

    @Override
    public List<String> bucket(long bucket, long notBefore) {
        if (read.size() >= MAX_READ) {
            read.clear(); // left by articles that were not indexed (near-exact copies)
        }
        List<BucketEntry> entries = entries(bucket);
        read.put(bucket, entries);
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
     * still gets one record per bucket, in the same transaction). The buckets read for this article
     * are used and forgotten; any other is read now.
     */
    @Override
    public void addToBuckets(
            long[] keys, String articleId, long now, int capacity, long notBefore) {
        Map<Long, byte[]> batch = new LinkedHashMap<>();
        for (long bucket : keys) {
            byte[] written = batch.get(bucket);
            List<BucketEntry> known;
            if (written != null) {
                known = StoreCodec.bucket(written);
            } else if (read.containsKey(bucket)) {
                known = read.get(bucket);
            } else {
                known = entries(bucket);
            }
            List<BucketEntry> entries = new ArrayList<>(known);
            entries.removeIf(e -> e.time() < notBefore || e.articleId().equals(articleId));
            entries.add(new BucketEntry(articleId, now));
            while (entries.size() > capacity) {
                entries.remove(0);
            }
            batch.put(bucket, StoreCodec.bucket(entries));
        }
        read.clear();
        List<KeyValue<Long, byte[]>> pairs = new ArrayList<>(batch.size());
        batch.forEach((k, v) -> pairs.add(KeyValue.pair(k, v)));
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

    private List<BucketEntry> entries(long bucket) {
        if (bucketFilter != null && !bucketFilter.mightContain(bucket)) {
            return List.of();
        }
        byte[] bytes = buckets.get(bucket);
        return bytes == null ? List.of() : StoreCodec.bucket(bytes);
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
