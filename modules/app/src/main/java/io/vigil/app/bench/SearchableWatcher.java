package io.vigil.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures when published articles become searchable: every 50 ms it searches the alias for the
 * articles published but not yet seen (by fetch time, which the benchmark sets to the moment of
 * publishing) and records, for each one found, the delay from publishing to being found.
 */
final class SearchableWatcher {

    private final ElasticsearchClient client;
    private final String alias;
    private final Map<String, Long> unseen = new ConcurrentHashMap<>();
    private final List<Long> delays = Collections.synchronizedList(new ArrayList<>());
    private volatile long lastSeenNanos;
    private Thread poller;

    SearchableWatcher(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** An article was published at {@code publishedMillis} (its fetch time). */
    void published(String id, long publishedMillis) {
        unseen.put(id, publishedMillis);
    }

    /**
     * Polls every 50 ms on a thread of its own, while articles are being published, until {@code
     * expected} were seen or {@code timeoutMillis} passed; {@link #awaitAll} waits for it.
     */
    void start(int expected, long timeoutMillis) {
        poller =
                new Thread(
                        () -> {
                            long deadline = System.currentTimeMillis() + timeoutMillis;
                            while (delays.size() < expected
                                    && System.currentTimeMillis() < deadline) {
                                poll();
                                try {
                                    Thread.sleep(50);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "vigil-bench-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    /** Waits until the poller is done. */
    void awaitAll() throws InterruptedException {
        poller.join();
    }

    /** One search for the articles not seen yet; nothing while a new index is not ready. */
    void poll() {
        if (unseen.isEmpty()) {
            return;
        }
        try {
            search();
        } catch (IOException | ElasticsearchException e) {
            // a new monthly index answers 503 until its shard is allocated: ask again
        }
    }

    private void search() throws IOException {
        long oldest = unseen.values().stream().mapToLong(Long::longValue).min().orElse(0);
        SearchResponse<Void> response =
                client.search(
                        s ->
                                s.index(alias)
                                        .ignoreUnavailable(true)
                                        .allowNoIndices(true)
                                        .size(10_000)
                                        .source(src -> src.fetch(false))
                                        .query(
                                                q ->
                                                        q.range(
                                                                r ->
                                                                        r.date(
                                                                                d ->
                                                                                        d.field(
                                                                                                        "fetchedAt")
                                                                                                .gte(
                                                                                                        Instant
                                                                                                                .ofEpochMilli(
                                                                                                                        oldest)
                                                                                                                .toString())))),
                        Void.class);
        long now = System.currentTimeMillis();
        for (Hit<Void> hit : response.hits().hits()) {
            Long published = unseen.remove(hit.id());
            if (published != null) {
                delays.add(now - published);
                lastSeenNanos = System.nanoTime();
            }
        }
    }

    /** How many were seen. */
    int seen() {
        return delays.size();
    }

    /** When the last one was seen ({@link System#nanoTime()}). */
    long lastSeenNanos() {
        return lastSeenNanos;
    }

    /** The {@code q}-quantile (0 to 1) of the delays in milliseconds, -1 when none. */
    long quantile(double q) {
        List<Long> sorted;
        synchronized (delays) {
            sorted = new ArrayList<>(delays);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
