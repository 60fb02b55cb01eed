package io.vigil.dedup.stream;

import io.vigil.dedup.story.DedupState;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import io.vigil.dedup.stream.StoreCodec.BucketEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link DedupState} over the stage's four Kafka Streams key-value stores (RocksDB). */
final class StoreDedupState implements DedupState {

    private final KeyValueStore<String, byte[]> articles;
    private final KeyValueStore<String, byte[]> stories;
    private final KeyValueStore<Long, byte[]> buckets;
    private final KeyValueStore<Long, byte[]> paragraphs;

    StoreDedupState(
            KeyValueStore<String, byte[]> articles,
            KeyValueStore<String, byte[]> stories,
            KeyValueStore<Long, byte[]> buckets,
            KeyValueStore<Long, byte[]> paragraphs) {
        this.articles = articles;
        this.stories = stories;
        this.buckets = buckets;
        this.paragraphs = paragraphs;
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
        byte[] bytes = buckets.get(bucket);
        if (bytes == null) {
            return List.of();
        }
        List<BucketEntry> entries = StoreCodec.bucket(bytes);
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
        byte[] bytes = buckets.get(bucket);
        List<BucketEntry> entries =
                bytes == null ? new ArrayList<>(1) : new ArrayList<>(StoreCodec.bucket(bytes));
        entries.removeIf(e -> e.time() < notBefore || e.articleId().equals(articleId));
        entries.add(new BucketEntry(articleId, now));
        while (entries.size() > capacity) {
            entries.remove(0);
        }
        buckets.put(bucket, StoreCodec.bucket(entries));
    }

    @Override
    public int paragraphSeen(long key, long notBefore) {
        byte[] bytes = paragraphs.get(key);
        return bytes == null || StoreCodec.seenAt(bytes) < notBefore
                ? 0
                : StoreCodec.seenCount(bytes);
    }

    @Override
    public void paragraphSeenAgain(long key, long now, long notBefore) {
        paragraphs.put(key, StoreCodec.seen(paragraphSeen(key, notBefore) + 1, now));
    }
}
