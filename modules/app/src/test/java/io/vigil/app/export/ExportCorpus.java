package io.vigil.app.export;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.vigil.core.search.ArticleDocument;
import io.vigil.indexer.document.IndexLocator;
import io.vigil.indexer.template.IndexTemplates;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A corpus for export tests: n articles over 14 months with every exported field varied: absent
 * values, commas, quotes, line breaks and non-Latin text, several authors and countries, scores.
 * Bulk-loaded into monthly indices behind an alias with the indexer's template.
 */
final class ExportCorpus {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private ExportCorpus() {}

    static ArticleDocument article(int n) {
        boolean zh = n % 7 == 0;
        String url = "https://outlet" + (n % 40) + ".example/news/" + n;
        Instant fetched = START.plusSeconds(n * 737L).plusMillis(n % 1000);
        Instant published = n % 3 == 0 ? null : fetched.minusSeconds(600);
        String story = n % 5 == 0 ? "s" + n : "s" + (n - n % 5);
        return new ArticleDocument(
                ArticleDocument.SCHEMA,
                "a" + n,
                url,
                n % 4 == 0 ? url + "?utm=x" : url,
                "outlet" + (n % 40) + ".example",
                n % 11 == 0 ? "Outlet, \"The\" " + n % 40 : "Outlet " + n % 40,
                n % 6 == 0 ? null : (n % 2 == 0 ? "GB" : "US"),
                n % 9 == 0 ? null : "feed-" + n % 13,
                zh ? "器官摘取报告 " + n : "Report " + n + ": \"organs\", courts\nand camps",
                null,
                zh ? "独立法庭认定，强制摘取器官仍在继续。" + n : "Text, with \"quotes\"\r\nand lines " + n,
                null,
                n % 8 == 0 ? List.of() : List.of("Reporter " + n % 20, "Smith, J."),
                zh ? "zh" : "en",
                0.9,
                published == null ? fetched : published,
                published,
                null,
                fetched,
                fetched.plusSeconds(5),
                n % 10 == 0,
                n % 10 == 0 ? "PAYWALLED" : "OPEN",
                story,
                story.equals("s" + n) ? null : "s" + (n - n % 5),
                0.8,
                "NEW_STORY",
                n % 4 == 0 ? List.of() : List.of("CN", n % 2 == 0 ? "TW" : "US"),
                List.of(),
                n % 2 == 0 ? List.of("organ-harvesting") : List.of(),
                n % 4 == 0 ? List.of("forced-harvesting") : List.of(),
                Map.of("organ-harvesting", (n % 100) / 100.0, "tibet", 0.25),
                Math.max(0.25, (n % 100) / 100.0),
                null,
                "test");
    }

    /** Loads articles 0 to n - 1 into {@code alias}; returns them by id. */
    static Map<String, ArticleDocument> load(ElasticsearchClient client, String alias, int n)
            throws IOException {
        new IndexTemplates(client).applyArticles(alias);
        AtomicReference<String> failure = new AtomicReference<>();
        Map<String, ArticleDocument> byId = new LinkedHashMap<>();
        try (BulkIngester<Void> ingester =
                BulkIngester.of(
                        b ->
                                b.client(client)
                                        .maxOperations(5000)
                                        .maxConcurrentRequests(1)
                                        .flushInterval(1, TimeUnit.SECONDS)
                                        .listener(listener(failure)))) {
            for (int i = 0; i < n; i++) {
                ArticleDocument d = article(i);
                byId.put(d.id(), d);
                String index = IndexLocator.monthlyIndex(alias, d.date());
                ingester.add(op -> op.index(x -> x.index(index).id(d.id()).document(d)));
            }
        }
        if (failure.get() != null) {
            throw new IOException(failure.get());
        }
        client.indices().refresh(r -> r.index(alias + "-*"));
        return byId;
    }

    private static BulkListener<Void> listener(AtomicReference<String> failure) {
        return new BulkListener<>() {
            @Override
            public void beforeBulk(long id, BulkRequest request, List<Void> contexts) {}

            @Override
            public void afterBulk(
                    long id, BulkRequest request, List<Void> contexts, BulkResponse response) {
                response.items().stream()
                        .filter(i -> i.error() != null)
                        .findFirst()
                        .ifPresent(i -> failure.compareAndSet(null, i.error().reason()));
            }

            @Override
            public void afterBulk(long id, BulkRequest request, List<Void> contexts, Throwable t) {
                failure.compareAndSet(null, t.toString());
            }
        };
    }
}
