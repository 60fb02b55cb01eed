package io.vigil.dedup.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link DedupState} in plain maps: for tests and the algorithm's benchmark. Not thread-safe. */
public final class InMemoryDedupState implements DedupState, FurnitureState {

    private record Entry(String articleId, long time) {}

    private final Map<String, StoredArticle> articles = new HashMap<>();
    private final Map<String, StoredStory> stories = new HashMap<>();
    private final Map<Long, List<Entry>> buckets = new HashMap<>();
    private final Map<String, HostFurniture> furniture = new HashMap<>();

    @Override
    public StoredArticle article(String articleId, long notBefore) {
        StoredArticle a = articles.get(articleId);
        return a == null || a.seenAt() < notBefore ? null : a;
    }

    @Override
    public void putArticle(String articleId, StoredArticle article) {
        articles.put(articleId, article);
    }

    @Override
    public StoredStory story(String storyId, long notBefore) {
        StoredStory s = stories.get(storyId);
        return s == null || s.seenAt() < notBefore ? null : s;
    }

    @Override
    public void putStory(String storyId, StoredStory story) {
        stories.put(storyId, story);
    }

    @Override
    public List<String> bucket(long bucket, long notBefore) {
        List<Entry> entries = buckets.get(bucket);
        if (entries == null) {
            return List.of();
        }
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
        List<Entry> entries = buckets.computeIfAbsent(bucket, b -> new ArrayList<>(2));
        entries.removeIf(e -> e.time() < notBefore || e.articleId().equals(articleId));
        entries.add(new Entry(articleId, now));
        while (entries.size() > capacity) {
            entries.remove(0);
        }
    }

    @Override
    public HostFurniture furniture(String host) {
        HostFurniture f = furniture.get(host);
        return f == null ? new HostFurniture() : f;
    }

    @Override
    public void putFurniture(String host, HostFurniture f) {
        furniture.put(host, f);
    }

    /** How many articles are stored. */
    public int articles() {
        return articles.size();
    }
}
