package io.vigil.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import io.vigil.core.elasticsearch.ElasticsearchClients;
import io.vigil.core.elasticsearch.ElasticsearchConnection;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.crawler.page.BenchmarkPages;
import io.vigil.embedded.EmbeddedProperties;
import io.vigil.embedded.EmbeddedStack;
import io.vigil.indexer.IndexerProperties;
import io.vigil.indexer.ingest.ArticleIndexer;
import io.vigil.indexer.template.IndexTemplates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code vigil bench pipeline [--data DIR] [--articles N] [--rounds N] [--rate R] [--seconds S]}:
 * the indexer's throughput (classified-articles topic to acknowledged by Elasticsearch, through the
 * real {@link ArticleIndexer}) against raw bulk indexing of the same documents into the same node
 * in the same run ({@link BulkIngester} alone, same batch size and concurrency), measured
 * alternately (raw, indexer, indexer, raw) on fresh indices; then the whole pipeline ({@link
 * FullPipeline}: pages served locally, from the discovered-entries topic to searchable) as fast as
 * it goes, and the delay from each page's fetch to searchable at a steady rate. Starts its own
 * embedded Kafka and Elasticsearch on free ports under a temporary directory. {@code --articles}
 * (default 30,000) documents per measurement: at 10,000 a measurement lasted 1.5-5 s and one raw
 * bulk run measured 7,211/s beside 2,393/s in the same round.
 */
public final class PipelineBenchmark {

    private static final JsonSerde<ArticleClassified> SERDE = JsonSerde.of(ArticleClassified.class);

    private PipelineBenchmark() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path data = null;
        int articles = 30_000;
        int rate = 5;
        int seconds = 20;
        int rounds = 2;
        for (int i = 0; i < args.size(); i++) {
            if (i + 1 >= args.size()) {
                err.println("bench pipeline: " + args.get(i) + " needs a value");
                return 2;
            }
            switch (args.get(i)) {
                case "--data" -> data = Path.of(args.get(++i));
                case "--articles" -> articles = Integer.parseInt(args.get(++i));
                case "--rate" -> rate = Integer.parseInt(args.get(++i));
                case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                case "--rounds" -> rounds = Integer.parseInt(args.get(++i));
                default -> {
                    err.println("bench pipeline: unknown option " + args.get(i));
                    return 2;
                }
            }
        }
        if (data == null) {
            data = BenchmarkPages.find();
        }
        try {
            Path dir = Files.createTempDirectory("vigil-bench-pipeline");
            try (EmbeddedStack stack =
                    EmbeddedStack.start(
                            EmbeddedProperties.defaults(dir).withFreePorts(), true, true)) {
                return new Run(stack, BenchCorpus.load(data), out)
                        .measure(articles, rounds, rate, seconds, data);
            }
        } catch (IOException | InterruptedException e) {
            err.println("bench pipeline: " + e);
            return 1;
        }
    }

    /** One benchmark run against one stack. */
    private static final class Run {
        final EmbeddedStack stack;
        final BenchCorpus corpus;
        final PrintStream out;
        final ElasticsearchClient client;
        final IndexerProperties settings = IndexerProperties.defaults();
        final Map<String, Object> kafka;

        Run(EmbeddedStack stack, BenchCorpus corpus, PrintStream out) {
            this.stack = stack;
            this.corpus = corpus;
            this.out = out;
            this.client =
                    ElasticsearchClients.create(
                            ElasticsearchConnection.of(stack.elasticsearchUri()));
            this.kafka =
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        }

        int measure(int n, int rounds, int rate, int seconds, Path data)
                throws IOException, InterruptedException {
            out.printf(
                    Locale.ROOT,
                    "corpus: %d texts (%s), average %d characters; %d articles per measurement%n",
                    corpus.size(),
                    data == null ? "generated" : data,
                    corpus.averageLength(),
                    n);
            raw("warm-raw", Math.min(2000, n));
            indexer("warm-idx", Math.min(2000, n));
            double rawSum = 0;
            double idxSum = 0;
            for (int r = 1; r <= rounds; r++) { // raw, indexer, indexer, raw: neither always first
                double raw1 = raw("raw-" + r + "a", n);
                double idx1 = indexer("idx-" + r + "a", n);
                double idx2 = indexer("idx-" + r + "b", n);
                double raw2 = raw("raw-" + r + "b", n);
                out.printf(
                        Locale.ROOT,
                        "round %d: raw bulk %.0f, indexer %.0f, indexer %.0f, raw bulk %.0f docs/s%n",
                        r,
                        raw1,
                        idx1,
                        idx2,
                        raw2);
                rawSum += raw1 + raw2;
                idxSum += idx1 + idx2;
            }
            double rawPerS = rawSum / (2 * rounds);
            double idxPerS = idxSum / (2 * rounds);

            double fullPerS;
            List<Long> delays;
            try (FullPipeline full = new FullPipeline(stack, corpus, client)) {
                full.publish(40, 0); // warm-up: joins the groups, creates the monthly index
                full.awaitSearchable(40, 180_000);
                full.resetWatch();
                int m = Math.max(200, n / 5);
                long start = System.nanoTime();
                full.publish(m, 0);
                full.awaitSearchable(m, 600_000);
                fullPerS = m / ((System.nanoTime() - start) / 1e9);
                out.printf(
                        Locale.ROOT,
                        "whole pipeline (entries topic -> fetch -> extract -> dedup -> classify ->"
                                + " index), pages served locally on two hosts: %d articles, %.0f/s%n",
                        m,
                        fullPerS);
                full.resetWatch();
                int steady = rate * seconds;
                // Publish on another thread while this one watches: a search that began only
                // after the last entry went out would date every article's arrival to the end.
                Thread publisher = full.publishInBackground(steady, rate);
                delays = new ArrayList<>(full.awaitSearchable(steady, 300_000));
                publisher.join();
                Collections.sort(delays);
                out.printf(
                        Locale.ROOT,
                        "fetch to searchable at %d pages/s for %d s: %d seen; p50 %d ms, p99 %d ms,"
                                + " max %d ms%n",
                        rate,
                        seconds,
                        delays.size(),
                        quantile(delays, 0.5),
                        quantile(delays, 0.99),
                        quantile(delays, 1.0));
            } finally {
                client._transport().close();
            }
            out.printf(
                    Locale.ROOT,
                    "pipeline: indexer_per_s=%.0f raw_bulk_per_s=%.0f ratio=%.2f"
                            + " full_pipeline_per_s=%.0f searchable_p99_ms=%d%n",
                    idxPerS,
                    rawPerS,
                    idxPerS / rawPerS,
                    fullPerS,
                    quantile(delays, 0.99));
            return 0;
        }

        static long quantile(List<Long> sorted, double q) {
            if (sorted.isEmpty()) {
                return -1;
            }
            int i = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }

        double raw(String run, int n) throws IOException, InterruptedException {
            return RawBulk.run(client, settings, corpus, run, n);
        }

        /**
         * n records published first, then indexed by a fresh ArticleIndexer; documents per second.
         */
        double indexer(String run, int n) throws IOException, InterruptedException {
            String alias = "bench-" + run;
            new IndexTemplates(client).applyArticles(alias);
            Topics topics = new Topics("bench-" + run + ".");
            BenchKafka.createTopic(kafka, topics.articlesClassified());
            try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(kafka)) {
                publish(producer, topics, run, n, 0);
            }
            ArticleIndexer indexer = indexer(topics, alias);
            indexer.start();
            try {
                Rate rate = new Rate(indexer::done, n);
                rate.await();
                client.indices().refresh(r -> r.index(alias));
                return rate.perSecond();
            } finally {
                indexer.stop();
            }
        }

        ArticleIndexer indexer(Topics topics, String alias) {
            return new ArticleIndexer(
                    settings.withNames(alias, "bench"),
                    topics,
                    client,
                    kafka,
                    kafka,
                    Clock.systemUTC());
        }

        /** Publishes n articles, at {@code perSecond} (0: as fast as possible), fetched now. */
        void publish(
                KafkaProducer<String, byte[]> producer,
                Topics topics,
                String run,
                int n,
                int perSecond)
                throws InterruptedException {
            long start = System.nanoTime();
            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < n; i++) {
                if (perSecond > 0) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                Instant fetched = base.plusSeconds(i);
                ArticleClassified a = corpus.article(run, i, fetched);
                producer.send(
                        new ProducerRecord<>(
                                topics.articlesClassified(),
                                a.articleId(),
                                SERDE.serialize(null, a)));
            }
            producer.flush();
        }
    }
}
