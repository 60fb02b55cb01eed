package io.vigil.classifier.bench;

import io.vigil.classifier.Classifier;
import io.vigil.classifier.training.LabelledArticle;
import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.json.Json;
import io.vigil.core.url.ArticleIds;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stage's work per record, on every core: read the accepted article's JSON, classify it, write
 * the classified record's JSON. The broker's share is not in it (the dedup and indexer benchmarks
 * measure theirs the same way).
 */
final class Throughput {

    private Throughput() {}

    static double measure(
            Classifier classifier, List<LabelledArticle> labels, double seconds, PrintStream out) {
        List<byte[]> records = new ArrayList<>();
        for (LabelledArticle a : labels) {
            records.add(json(accepted(a)));
        }
        int threads = Runtime.getRuntime().availableProcessors();
        // Warm-up: JIT and the language models' first touches.
        run(classifier, records, 1, 3.0, new AtomicLong(), new AtomicLong());
        AtomicLong cpuNanos = new AtomicLong();
        AtomicLong done = new AtomicLong();
        double perSecond = run(classifier, records, threads, seconds, cpuNanos, done);
        out.printf(
                Locale.ROOT,
                "throughput: %.0f articles/s on %d threads over %.0f s; %.0f articles per CPU"
                        + " second (records of %d bytes on average)%n",
                perSecond,
                threads,
                seconds,
                done.get() / (cpuNanos.get() / 1e9),
                records.stream().mapToInt(r -> r.length).sum() / Math.max(1, records.size()));
        return perSecond;
    }

    private static double run(
            Classifier classifier,
            List<byte[]> records,
            int threads,
            double seconds,
            AtomicLong cpuNanos,
            AtomicLong done) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 37;
            Thread worker =
                    new Thread(
                            () -> {
                                int i = offset;
                                long cpu0 = cpu.getCurrentThreadCpuTime();
                                while (System.nanoTime() < deadline) {
                                    byte[] in = records.get(i++ % records.size());
                                    ArticleAccepted accepted = read(in);
                                    ArticleClassified c = classifier.classify(accepted, null);
                                    json(c);
                                    done.incrementAndGet();
                                }
                                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpu0);
                            },
                            "classify-bench-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    static ArticleAccepted accepted(LabelledArticle a) {
        URI url = URI.create("https://news.example.org/" + a.id());
        ArticleFetched fetched =
                new ArticleFetched(
                        ArticleFetched.SCHEMA,
                        ArticleIds.of(url),
                        "bench",
                        url,
                        url,
                        url,
                        a.title(),
                        a.text(),
                        List.of(),
                        Instant.parse("2026-11-01T00:00:00Z"),
                        null,
                        null,
                        null,
                        null,
                        "Example News",
                        null,
                        List.of(),
                        ArticleFetched.Access.OPEN,
                        null,
                        new ArticleFetched.Fetch(
                                200, "text/html", a.text().length(), Instant.now(), null));
        return new ArticleAccepted(
                ArticleAccepted.SCHEMA,
                fetched.articleId(),
                fetched,
                ArticleAccepted.Outcome.NEW_STORY,
                fetched.articleId(),
                null,
                1.0,
                fetched.articleId(),
                1,
                List.of("Example News"));
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArticleAccepted read(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, ArticleAccepted.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
