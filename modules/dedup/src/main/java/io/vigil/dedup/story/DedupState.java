package io.vigil.dedup.story;

import java.util.List;

/**
 * The state the {@link Deduplicator} reads and writes: articles, stories, the LSH buckets and the
 * paragraphs seen per host. Kafka Streams stores back it in the stage; plain maps in tests. Entries
 * last seen before {@code notBefore} count as absent (they are past the horizon and swept later).
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

    /** The leading and trailing paragraphs seen at a host, or an empty set. */
    HostFurniture furniture(String host);

    void putFurniture(String host, HostFurniture furniture);
}
