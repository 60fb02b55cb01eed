package io.vigil.indexer.document;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigil.core.search.ArticleDocument;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which monthly index an article goes to, so that all its versions go to the same one.
 *
 * <p>An article's first version goes to the month of its time ({@link ArticleDocument#date()}:
 * published, else fetched). A later fetch may carry another time (the page gained or corrected its
 * date, or had none and the fetch time moved on), and writing it to another month would leave two
 * copies behind the alias; so a later version goes wherever the article already is. Where that is
 * comes from a bounded memory of the ids this instance indexed (all versions of an article are on
 * one Kafka partition, read by one instance) and, for an article it does not remember (after a
 * restart or a rebalance), from one search per poll over the article indices. Only refetches
 * ({@code outcome = REFETCHED}) are looked up; a first version is new to dedup, so to the index.
 *
 * <p>Not thread-safe: the indexer's consumer thread owns it.
 */
public final class IndexLocator {

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy.MM", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final String alias;
    private final Map<String, String> remembered;

    public IndexLocator(ElasticsearchClient client, String alias, int capacity) {
        this.client = client;
        this.alias = alias;
        this.remembered =
                new LinkedHashMap<>(16, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                        return size() > capacity;
                    }
                };
    }

    /** The monthly index of {@code time}: {@code <alias>-yyyy.MM} in UTC. */
    public static String monthlyIndex(String alias, Instant time) {
        return alias + "-" + MONTH.format(time);
    }

    /** The index this instance last wrote {@code id} to, or null. */
    public String remembered(String id) {
        return remembered.get(id);
    }

    /** Where {@code document} goes: where it already is, else the month of its time. */
    public String indexFor(ArticleDocument document) {
        String index = remembered.get(document.id());
        if (index == null) {
            index = monthlyIndex(alias, document.date());
            remembered.put(document.id(), index);
        }
        return index;
    }

    /**
     * Looks up the indices of articles this instance does not remember, in one search, and
     * remembers them.
     *
     * @throws IOException when Elasticsearch cannot be asked (the caller retries)
     */
    public void lookUp(Collection<String> ids) throws IOException {
        List<String> unknown = ids.stream().filter(id -> !remembered.containsKey(id)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        SearchResponse<Void> response =
                client.search(
                        s ->
                                s.index(alias + "-*")
                                        .allowNoIndices(true)
                                        .ignoreUnavailable(true)
                                        .source(src -> src.fetch(false))
                                        .size(unknown.size() * 2)
                                        .query(q -> q.ids(i -> i.values(unknown))),
                        Void.class);
        Map<String, String> found = new HashMap<>();
        for (Hit<Void> hit : response.hits().hits()) {
            // two copies can only exist from before this rule; the older month wins
            found.merge(hit.id(), hit.index(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        remembered.putAll(found);
    }

    /**
     * Makes every acknowledged document searchable, so that {@link #lookUp} sees what a previous
     * owner of the partitions wrote. Called when partitions are assigned.
     */
    public void refresh() throws IOException {
        client.indices()
                .refresh(r -> r.index(alias + "-*").allowNoIndices(true).ignoreUnavailable(true));
    }

    /** Forgets everything (tests). */
    void clear() {
        remembered.clear();
    }
}
