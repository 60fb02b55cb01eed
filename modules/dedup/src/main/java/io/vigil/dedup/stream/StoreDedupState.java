package io.vigil.dedup.stream;

import io.vigil.dedup.story.DedupState;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import io.vigil.dedup.stream.StoreCodec.BucketEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link DedupState} over the stage's article, story and bucket stores (RocksDB). */
final class StoreDedupState implements DedupState {

    private final KeyValueStore<String, byte[]> articles;
    private final KeyValueStore<String, byte[]> stories;
    private final KeyValueStore<Long, byte[]> buckets;

    private static final int MAX_READ = 1024;

    /**
     * Buckets read for the current article, written back right after: read once. The {@link
     * io.vigil.dedup.story.Deduplicator} reads every bucket of an article before it writes any.
     */
    private final Map<Long, List<BucketEntry>> read = new HashMap<>();

    StoreDedupState(
            KeyValueStore<String, byte[]> articles,
            KeyValueStore<String, byte[]> stories,
            KeyValueStore<Long, byte[]> buckets) {
        this.articles = articles;
        this.stories = stories;
        this.buckets = buckets;
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
        List<BucketEntry> cached = read.remove(bucket);
        List<BucketEntry> entries = new ArrayList<>(cached == null ? entries(bucket) : cached);
        entries.removeIf(e -> e.time() < notBefore || e.articleId().equals(articleId));
        entries.add(new BucketEntry(articleId, now));
        while (entries.size() > capacity) {
            entries.remove(0);
        }
        buckets.put(bucket, StoreCodec.bucket(entries));
    }

    private List<BucketEntry> entries(long bucket) {
        byte[] bytes = buckets.get(bucket);
        return bytes == null ? List.of() : StoreCodec.bucket(bytes);
    }
}
