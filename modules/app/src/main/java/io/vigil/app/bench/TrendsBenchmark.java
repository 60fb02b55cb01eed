package io.vigil.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.indices.PutIndicesSettingsRequest;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import io.vigil.api.ApiProperties;
import io.vigil.api.trend.Interval;
import io.vigil.api.trend.Split;
import io.vigil.api.trend.TrendQuery;
import io.vigil.api.trend.TrendSearch;
import io.vigil.api.trend.Trends;
import io.vigil.core.elasticsearch.ElasticsearchClients;
import io.vigil.core.elasticsearch.ElasticsearchConnection;
import io.vigil.core.search.ArticleDocument;
import io.vigil.embedded.EmbeddedProperties;
import io.vigil.embedded.EmbeddedStack;
import io.vigil.indexer.document.IndexLocator;
import io.vigil.indexer.template.IndexTemplates;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;

/**
 * {@code vigil bench trends [--articles N] [--queries N] [--heap SIZE] [--elasticsearch URI]}:
 * bulk-loads N synthetic articles (default one million, {@link TrendCorpus}) into an embedded node
 * (or the given one) behind a fresh alias, then runs trend queries of the dashboard's kinds (a
 * topic by theme over 90 days, a word over 30 days by language, three words compared over a year by
 * week, everything by outlet country over three days by hour; each with top outlets, stories and
 * significant terms) with Elasticsearch's request cache off, and reports their latency.
 */
public final class TrendsBenchmark {

    private TrendsBenchmark() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int articles = 1_000_000;
        int queries = 200;
        String heap = "1g";
        URI external = null;
        for (int i = 0; i < args.size(); i++) {
            if (i + 1 >= args.size()) {
                err.println("bench trends: " + args.get(i) + " needs a value");
                return 2;
            }
            switch (args.get(i)) {
                case "--articles" -> articles = Integer.parseInt(args.get(++i));
                case "--queries" -> queries = Integer.parseInt(args.get(++i));
                case "--heap" -> heap = args.get(++i);
                case "--elasticsearch" -> external = URI.create(args.get(++i));
                default -> {
                    err.println("bench trends: unknown option " + args.get(i));
                    return 2;
                }
            }
        }
        try {
            if (external != null) {
                return measure(external, articles, queries, out);
            }
            Path dir = Files.createTempDirectory("vigil-bench-trends");
            EmbeddedProperties p = EmbeddedProperties.defaults(dir).withFreePorts();
            EmbeddedProperties.Elasticsearch es = p.elasticsearch();
            EmbeddedProperties props =
                    new EmbeddedProperties(
                            dir,
                            p.kafka(),
                            new EmbeddedProperties.Elasticsearch(
                                    es.port(),
                                    es.distribution(),
                                    dataSize(heap),
                                    es.startTimeout(),
                                    es.jvmOptions()));
            try (EmbeddedStack stack = EmbeddedStack.start(props, false, true)) {
                return measure(stack.elasticsearchUri(), articles, queries, out);
            } finally {
                deleteRecursively(dir); // a million articles take about 600 MB
            }
        } catch (IOException | InterruptedException e) {
            err.println("bench trends: " + e);
            return 1;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code 1g}, {@code 1536m}, {@code 2GB} → a data size. */
    static DataSize dataSize(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        return DataSize.parse(v.matches(".*[KMGT]") ? v + "B" : v);
    }

    private static int measure(URI uri, int articles, int queries, PrintStream out)
            throws IOException, InterruptedException {
        try (ElasticsearchClient client =
                ElasticsearchClients.create(ElasticsearchConnection.of(uri))) {
            String alias = "bench-trends-" + Long.toString(System.nanoTime(), 36);
            TrendCorpus corpus =
                    new TrendCorpus(
                            400, Instant.parse("2026-11-01T00:00:00Z"), Duration.ofDays(365), 7);
            long t0 = System.nanoTime();
            load(client, alias, corpus, articles, out);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "loaded %d articles in %.0f s (%.0f/s)%n",
                    articles,
                    loadSeconds,
                    articles / loadSeconds);
            TrendSearch search =
                    new TrendSearch(client, ApiProperties.defaults().withAlias(alias), false);
            SplittableRandom r = new SplittableRandom(11);
            for (int i = 0; i < 10; i++) {
                search.run(query(corpus, r, i));
            }
            long[] ms = new long[queries];
            long[] byKind = new long[4];
            for (int i = 0; i < queries; i++) {
                long s = System.nanoTime();
                Trends t = search.run(query(corpus, r, i));
                ms[i] = (System.nanoTime() - s) / 1_000_000;
                byKind[i % 4] = Math.max(byKind[i % 4], ms[i]);
                if (i < 4) {
                    out.printf(
                            Locale.ROOT,
                            "query kind %d: %d buckets, first series %d articles, %d stories, %d"
                                    + " terms, %d ms%n",
                            i,
                            t.buckets().size(),
                            t.series().get(0).total(),
                            t.topStories().size(),
                            t.terms().size(),
                            ms[i]);
                }
            }
            Arrays.sort(ms);
            out.printf(
                    Locale.ROOT,
                    "slowest by kind (topic/theme 90d, word/language 30d, compare 3/week 365d,"
                            + " all/outlet country hourly 3d): %d %d %d %d ms%n",
                    byKind[0],
                    byKind[1],
                    byKind[2],
                    byKind[3]);
            attribute(search, corpus, out);
            out.printf(
                    Locale.ROOT,
                    "trends: articles=%d p50_ms=%d p95_ms=%d%n",
                    articles,
                    ms[ms.length / 2],
                    ms[(int) Math.ceil(ms.length * 0.95) - 1]);
            return 0;
        }
    }

    /** Where the year-long comparison's time goes: with and without the top lists, alternately. */
    private static void attribute(TrendSearch search, TrendCorpus corpus, PrintStream out)
            throws IOException {
        SplittableRandom r = new SplittableRandom(13);
        long[] full = new long[20];
        long[] bare = new long[20];
        for (int i = 0; i < 20; i++) {
            TrendQuery q = query(corpus, r, 2);
            TrendQuery noTops =
                    new TrendQuery(
                            q.queries(),
                            null,
                            null,
                            q.from(),
                            q.to(),
                            q.interval(),
                            null,
                            6,
                            null,
                            null,
                            null,
                            0);
            long s = System.nanoTime();
            search.run(q);
            full[i] = (System.nanoTime() - s) / 1_000_000;
            s = System.nanoTime();
            search.run(noTops);
            bare[i] = (System.nanoTime() - s) / 1_000_000;
        }
        Arrays.sort(full);
        Arrays.sort(bare);
        out.printf(
                Locale.ROOT,
                "compare 3/week 365d, median of 20: with top lists %d ms, counts only %d ms%n",
                full[10],
                bare[10]);
    }

    /** The dashboard's four kinds of trend, in turn, over random periods and words. */
    static TrendQuery query(TrendCorpus corpus, SplittableRandom r, int i) {
        Instant end = corpus.start().plus(Duration.ofDays(30 + r.nextInt(330)));
        List<String> words = TrendCorpus.WORDS;
        return switch (i % 4) {
            case 0 ->
                    trend(
                            List.of(),
                            TrendCorpus.TOPIC,
                            end.minus(Duration.ofDays(90)),
                            end,
                            Interval.DAY,
                            Split.THEME);
            case 1 ->
                    trend(
                            List.of(words.get(r.nextInt(words.size()))),
                            null,
                            end.minus(Duration.ofDays(30)),
                            end,
                            Interval.DAY,
                            Split.LANGUAGE);
            case 2 -> {
                List<String> qs = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    qs.add(words.get(r.nextInt(20)) + " " + words.get(r.nextInt(words.size())));
                }
                yield trend(
                        qs,
                        null,
                        corpus.start(),
                        corpus.start().plus(Duration.ofDays(365)),
                        Interval.WEEK,
                        null);
            }
            default ->
                    trend(
                            List.of(),
                            null,
                            end.minus(Duration.ofDays(3)),
                            end,
                            Interval.HOUR,
                            Split.OUTLET_COUNTRY);
        };
    }

    private static TrendQuery trend(
            List<String> qs,
            String topic,
            Instant from,
            Instant to,
            Interval interval,
            Split split) {
        return new TrendQuery(qs, null, topic, from, to, interval, split, 6, null, null, null, 10);
    }

    private static void load(
            ElasticsearchClient client, String alias, TrendCorpus corpus, int n, PrintStream out)
            throws IOException, InterruptedException {
        new IndexTemplates(client).applyArticles(alias);
        // loading settings: no refresh, asynchronous translog; the template's are restored after
        List<String> indices = new ArrayList<>();
        for (Instant m = corpus.start().minus(Duration.ofDays(31));
                m.isBefore(corpus.start().plus(Duration.ofDays(400)));
                m = m.plus(Duration.ofDays(28))) {
            String index = IndexLocator.monthlyIndex(alias, m);
            if (!indices.contains(index)) {
                indices.add(index);
                client.indices()
                        .create(
                                c ->
                                        c.index(index)
                                                .settings(
                                                        st ->
                                                                st.refreshInterval(
                                                                                t -> t.time("-1"))
                                                                        .translog(
                                                                                t ->
                                                                                        t
                                                                                                .durability(
                                                                                                        TranslogDurability
                                                                                                                .Async))));
            }
        }
        PutIndicesSettingsRequest restore =
                PutIndicesSettingsRequest.of(
                        p ->
                                p.index(alias + "-*")
                                        .settings(
                                                st ->
                                                        st.refreshInterval(t -> t.time("1s"))
                                                                .translog(
                                                                        t ->
                                                                                t.durability(
                                                                                        TranslogDurability
                                                                                                .Request))));
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
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
                        response.items().stream()
                                .filter(it -> it.error() != null)
                                .forEach(it -> failed.incrementAndGet());
                    }

                    @Override
                    public void afterBulk(
                            long id, BulkRequest request, List<Void> contexts, Throwable failure) {
                        failed.addAndGet(request.operations().size());
                    }
                };
        try (BulkIngester<Void> ingester =
                BulkIngester.of(
                        b ->
                                b.client(client)
                                        .maxOperations(5000)
                                        .maxSize(20L << 20)
                                        .maxConcurrentRequests(2)
                                        .flushInterval(1, TimeUnit.SECONDS)
                                        .listener(listener))) {
            for (int i = 0; i < n; i++) {
                ArticleDocument d = corpus.article(i);
                String index = IndexLocator.monthlyIndex(alias, d.date());
                ingester.add(op -> op.index(x -> x.index(index).id(d.id()).document(d)));
                if (i > 0 && i % 100_000 == 0) {
                    out.printf(Locale.ROOT, "  %d queued, %d acknowledged%n", i, acked.get());
                }
            }
        }
        if (failed.get() > 0) {
            throw new IOException(failed.get() + " documents were not indexed");
        }
        if (Thread.interrupted()) { // not expected; cleared so the settings can still be restored
            out.println("  (the loading thread was interrupted; cleared)");
        }
        client.indices().putSettings(restore);
        client.indices().refresh(r -> r.index(alias + "-*"));
    }
}
