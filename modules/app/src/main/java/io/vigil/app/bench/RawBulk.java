package io.vigil.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.vigil.core.search.ArticleDocument;
import io.vigil.indexer.IndexerProperties;
import io.vigil.indexer.document.ArticleDocuments;
import io.vigil.indexer.document.IndexLocator;
import io.vigil.indexer.template.IndexTemplates;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: the same documents bulk-indexed with a {@link BulkIngester} alone (same batch size,
 * concurrency, index naming and versioning as the indexer), built in the feeding thread, with no
 * Kafka, no offsets and no dead letters.
 */
final class RawBulk {

    private RawBulk() {}

    /** Raw bulk indexing of n documents into a fresh alias; documents per second. */
    static double run(
            ElasticsearchClient client,
            IndexerProperties settings,
            BenchCorpus corpus,
            String run,
            int n)
            throws IOException, InterruptedException {
        String alias = "bench-" + run;
        new IndexTemplates(client).applyArticles(alias);
        AtomicLong acked = new AtomicLong();
        BulkListener<Void> listener =
                new BulkListener<>() {
                    @Override
                    public void beforeBulk(long id, BulkRequest request, List<Void> contexts) {}

                    @Override
                    public void afterBulk(
                            long id,
                            BulkRequest request,
                            List<Void> contexts,
                            BulkResponse response) {
                        acked.addAndGet(response.items().size());
                    }

                    @Override
                    public void afterBulk(
                            long id, BulkRequest request, List<Void> contexts, Throwable failure) {
                        throw new IllegalStateException("raw bulk failed", failure);
                    }
                };
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Rate rate = new Rate(acked::get, n);
        try (BulkIngester<Void> ingester =
                BulkIngester.of(
                        b ->
                                b.client(client)
                                        .maxOperations(settings.bulkActions())
                                        .maxSize(settings.bulkSize().toBytes())
                                        .maxConcurrentRequests(settings.concurrentRequests())
                                        .flushInterval(
                                                settings.flushInterval().toMillis(),
                                                TimeUnit.MILLISECONDS)
                                        .listener(listener))) {
            for (int i = 0; i < n; i++) {
                ArticleDocument d = ArticleDocuments.of(corpus.article(run, i, t.plusSeconds(i)));
                String index = IndexLocator.monthlyIndex(alias, d.date());
                ingester.add(
                        op ->
                                op.index(
                                        x ->
                                                x.index(index)
                                                        .id(d.id())
                                                        .version(d.fetchedAt().toEpochMilli())
                                                        .versionType(VersionType.ExternalGte)
                                                        .document(d)));
            }
            rate.await();
        }
        client.indices().refresh(r -> r.index(alias));
        return rate.perSecond();
    }
}
