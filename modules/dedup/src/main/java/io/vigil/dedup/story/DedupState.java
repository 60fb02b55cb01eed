package io.vigil.dedup.story;

import java.util.List;

/**
 * The state the {@link Deduplicator} reads and writes: articles, stories and the LSH buckets. Kafka
 * Streams stores back it in the stage; plain maps in tests. Entries last seen before {@code
 * notBefore} count as absent (they are past the horizon and swept later).
 */
public interface DedupState {

    StoredArticle article(String articleId, long notBefore);

    void putArticle(String articleId, StoredArticle article);

    StoredStory story(String storyId, long notBefore);

    void putStory(String storyId, StoredStory story);

    /** The article ids in an LSH bucket, most recent first. */
    List<String> bucket(long bucket, long notBefore);

    /** Adds an article to a bucket, keeping the {@code capacity} most recent. */
    void addToBucket(long bucket, String articleId, long now, int capacity, long notBefore);

    /**
     * Adds an article to each of {@code buckets}, keeping the {@code capacity} most recent in each;
     * a store may write them together.
     */
    default void addToBuckets(
            long[] buckets, String articleId, long now, int capacity, long notBefore) {
        for (long bucket : buckets) {
            addToBucket(bucket, articleId, now, capacity, notBefore);
        }
    }
}
