package io.vigil.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import io.vigil.core.search.ArticleDocument;
import io.vigil.indexer.document.ArticleDocuments;
import io.vigil.indexer.document.IndexLocator;
import io.vigil.indexer.template.IndexTemplates;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bulk-loads numbered bench articles into monthly indices behind an alias, with the indexer's
 * template and document mapping: article n is the same document on every run (same id, text and
 * time), so loading again, or after an interruption, only overwrites.
 */
final class BenchLoader {

    /** The time of article 0; article n is 30 s later than article n - 1 (1M span 347 days). */
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private BenchLoader() {}

    /** The monthly indices of articles {@code from} to {@code to}. */
    static List<String> indices(String alias, long from, long to) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (long n = from; n < to; n += 3600) {
            names.add(IndexLocator.monthlyIndex(alias, START.plusSeconds(30 * n)));
        }
        names.add(IndexLocator.monthlyIndex(alias, START.plusSeconds(30 * (to - 1))));
        return List.copyOf(names);
    }

    static void load(
            ElasticsearchClient client,
            String alias,
            BenchCorpus corpus,
            long from,
            int to,
            PrintStream out)
            throws IOException {
        new IndexTemplates(client).applyArticles(alias);
        List<String> indices = indices(alias, from, to);
        for (String index : indices) {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index));
            }
        }
        // loading only: no refresh, no fsync per request; restored below
        client.indices()
                .putSettings(
                        p ->
                                p.index(indices)
                                        .settings(
                                                s ->
                                                        s.refreshInterval(r -> r.time("-1"))
                                                                .translog(
                                                                        t ->
                                                                                t.durability(
                                                                                        TranslogDurability
                                                                                                .Async))));
        AtomicLong acked = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BulkListener<Void> listener =
                new BulkListener<>() {
                    @Override
                    public void beforeBulk(long id, BulkRequest request, List<Void> contexts) {}

                    @Override
                    public void afterBulk(
                            long id, BulkRequest request, List<Void> contexts, BulkResponse r) {
                        if (r.errors()) {
                            failure.compareAndSet(
                                    null,
                                    new IllegalStateException(
                                            "bulk item failed: "
                                                    + r.items().stream()
                                                            .filter(i -> i.error() != null)
                                                            .findFirst()
                                                            .map(i -> i.error().reason())
                                                            .orElse("?")));
                        }
                        acked.addAndGet(r.items().size());
                    }

                    @Override
                    public void afterBulk(
                            long id, BulkRequest request, List<Void> contexts, Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                };
        long started = System.nanoTime();
        long reported = started;
        try (BulkIngester<Void> ingester =
                BulkIngester.of(
                        b ->
                                b.client(client)
                                        .maxOperations(2000)
                                        .maxSize(16L * 1024 * 1024)
                                        .maxConcurrentRequests(2)
                                        .flushInterval(1, TimeUnit.SECONDS)
                                        .listener(listener))) {
            for (long n = from; n < to; n++) {
                if (failure.get() != null) {
                    throw new IOException("loading failed", failure.get());
                }
                ArticleDocument d =
                        ArticleDocuments.of(
                                corpus.article("bench", (int) n, START.plusSeconds(30 * n)));
                String index = IndexLocator.monthlyIndex(alias, d.date());
                ingester.add(op -> op.index(x -> x.index(index).id(d.id()).document(d)));
                long now = System.nanoTime();
                if (now - reported > 10_000_000_000L) {
                    reported = now;
                    out.printf(
                            Locale.ROOT,
                            "  %,d loaded, %,.0f/s%n",
                            acked.get(),
                            acked.get() / ((now - started) / 1e9));
                }
            }
        }
        client.indices()
                .putSettings(
                        p ->
                                p.index(indices)
                                        .settings(
                                                s ->
                                                        s.refreshInterval(r -> r.time("1s"))
                                                                .translog(
                                                                        t ->
                                                                                t.durability(
                                                                                        TranslogDurability
                                                                                                .Request))));
        client.indices().refresh(r -> r.index(indices));
        if (failure.get() != null) {
            throw new IOException("loading failed", failure.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                Locale.ROOT,
                "loaded %,d articles in %.0f s (%,.0f/s)%n",
                acked.get(),
                seconds,
                acked.get() / seconds);
    }
}
