package io.vigil.dedup.bench;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.bench.SyndicationSet.Doc;
import io.vigil.dedup.bench.SyndicationSet.Kind;
import io.vigil.dedup.bench.SyndicationSet.Original;
import io.vigil.dedup.fingerprint.Signature;
import io.vigil.dedup.story.Deduplicator;
import io.vigil.dedup.story.Fingerprinter;
import io.vigil.dedup.story.InMemoryDedupState;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import io.vigil.dedup.stream.DirectStage;
import io.vigil.dedup.stream.StorePreloader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code vigil bench dedup [--data DIR] [--signatures N] [--rounds N] [--seed N] [--state DIR]}:
 * clustering quality on a labelled syndication set made from the article-extraction benchmark's
 * clean texts, and throughput of the stage's full processing path with a million signatures stored.
 * Last line: {@code dedup: precision=… recall=… purity=… articles_per_s=… rss_mb=…}.
 */
public final class DedupBenchmark {

    private DedupBenchmark() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            options.put(args.get(i), args.get(i + 1));
        }
        Path groundTruth = groundTruth(options.get("--data"));
        if (groundTruth == null) {
            err.println(
                    "dedup bench: no ground-truth.json found; give --data <dir with"
                            + " article-extraction-benchmark/ground-truth.json>");
            return 2;
        }
        int signatures = Integer.parseInt(options.getOrDefault("--signatures", "1000000"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "4"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "20261126"));
        Path state = Path.of(options.getOrDefault("--state", "data/bench/dedup")).toAbsolutePath();
        DedupProperties settings = DedupProperties.defaults();
        try {
            List<Original> originals = SyndicationSet.load(groundTruth);
            out.printf(Locale.ROOT, "originals: %d from %s%n", originals.size(), groundTruth);

            List<Doc> docs = SyndicationSet.generate(originals, seed, 0);
            out.printf(Locale.ROOT, "generated: %d documents (%s)%n", docs.size(), kinds(docs));
            delete(state);
            Quality quality;
            try (StageDriver stage =
                    new StageDriver(
                            settings.withApplication("bench-quality", state), state, true)) {
                quality = Quality.measure(stage, docs, originals, out);
            }

            delete(state);
            double perSecond;
            try (DirectStage stage =
                    new DirectStage(settings.withApplication("bench-throughput", state), state)) {
                long t0 = System.nanoTime();
                long entries =
                        StorePreloader.load(
                                stage::store,
                                settings,
                                signatures,
                                seed,
                                Instant.parse("2026-11-01T00:00:00Z").toEpochMilli());
                out.printf(
                        Locale.ROOT,
                        "pre-loaded %d synthetic signatures (%d store entries) in %.1f s%n",
                        signatures,
                        entries,
                        (System.nanoTime() - t0) / 1e9);
                perSecond = throughput(stage, originals, seed, rounds, out);
            }
            double rss = rssMb();
            delete(state);
            algorithmic(
                    originals,
                    seed,
                    rounds,
                    Math.min(signatures, IN_MEMORY_SIGNATURES),
                    settings,
                    out);
            out.printf(
                    Locale.ROOT,
                    "dedup: precision=%.4f recall=%.4f purity=%.4f articles_per_s=%.0f rss_mb=%.0f%n",
                    quality.scores().precision(),
                    quality.scores().recall(),
                    quality.scores().purity(),
                    perSecond,
                    rss);
            return 0;
        } catch (IOException e) {
            err.println("dedup bench: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dedup bench: interrupted");
            return 1;
        }
    }

    /**
     * Articles per second through both halves of the stage, each on its own thread as two stream
     * threads would run them, handing over through a bounded queue in place of the single-partition
     * topic.
     */
    private static double throughput(
            DirectStage stage, List<Original> originals, long seed, int rounds, PrintStream out)
            throws InterruptedException {
        JsonSerde<ArticleFetched> serde = JsonSerde.of(ArticleFetched.class);
        List<ArticleFetched> articles = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            for (Doc d : SyndicationSet.generate(originals, seed, r)) {
                articles.add(d.article());
            }
        }
        List<byte[]> values = new ArrayList<>();
        for (ArticleFetched a : articles) {
            values.add(serde.serialize("in", a));
        }
        int warmup = Math.min(1000, values.size() / 5);
        for (int i = 0; i < warmup; i++) {
            long t = articles.get(i).fetch().fetchedAt().toEpochMilli();
            stage.deduplicate(stage.fingerprint(articles.get(i).articleId(), values.get(i), t), t);
        }
        BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(256);
        long[] cpu = new long[2];
        AtomicLong outputs = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread fingerprinting =
                new Thread(
                        () -> {
                            long c0 = threads.getCurrentThreadCpuTime();
                            try {
                                for (int i = warmup; i < values.size(); i++) {
                                    long t = articles.get(i).fetch().fetchedAt().toEpochMilli();
                                    queue.put(
                                            new Handover(
                                                    stage.fingerprint(
                                                            articles.get(i).articleId(),
                                                            values.get(i),
                                                            t),
                                                    t));
                                }
                                queue.put(new Handover(null, -1));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            cpu[0] = threads.getCurrentThreadCpuTime() - c0;
                        },
                        "bench-fingerprint");
        long t0 = System.nanoTime();
        fingerprinting.start();
        long c1 = threads.getCurrentThreadCpuTime();
        for (Handover h = queue.take(); h.time() >= 0; h = queue.take()) {
            outputs.addAndGet(stage.deduplicate(h.bytes(), h.time()).size());
        }
        cpu[1] = threads.getCurrentThreadCpuTime() - c1;
        fingerprinting.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = values.size() - warmup;
        double perSecond = n / seconds;
        out.printf(
                Locale.ROOT,
                "stage path, two threads (read + by-host hop + fingerprint | single-partition hop +"
                        + " LSH/story stores + output JSON; RocksDB stores, no broker, no commits):"
                        + " %d articles (%d outputs) in %.2f s = %.0f articles/s%n",
                n,
                outputs.get(),
                seconds,
                perSecond);
        out.printf(
                Locale.ROOT,
                "  CPU per article: fingerprinting half %.0f us, single-partition half %.0f us"
                        + " (the machine's load: %.1f)%n",
                cpu[0] / 1e3 / n,
                cpu[1] / 1e3 / n,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return perSecond;
    }

    private record Handover(byte[] bytes, long time) {}

    /** The in-memory state keeps objects per entry: a tenth of the signatures fit a 1 GB heap. */
    private static final int IN_MEMORY_SIGNATURES = 100_000;

    /**
     * The algorithm alone: fingerprinting and deduplication on one thread over plain maps, no JSON,
     * no RocksDB, no handover; for comparison with the stage path.
     */
    private static void algorithmic(
            List<Original> originals,
            long seed,
            int rounds,
            int signatures,
            DedupProperties settings,
            PrintStream out) {
        InMemoryDedupState state = new InMemoryDedupState();
        SplittableRandom random = new SplittableRandom(seed);
        long time = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < signatures; i++) {
            String id = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            int[] slots = new int[settings.hashes()];
            for (int j = 0; j < slots.length; j++) {
                slots[j] = random.nextInt();
            }
            Signature signature = new Signature(slots);
            state.putArticle(id, new StoredArticle(id, null, 1.0, "h", time, time, 500, signature));
            state.putStory(id, new StoredStory(id, 1, List.of("h"), time));
            for (int band = 0; band < settings.bands(); band++) {
                state.addToBucket(
                        signature.bucket(band, settings.rows()),
                        id,
                        time,
                        settings.bucketCapacity(),
                        0);
            }
        }
        Fingerprinter fingerprinter = new Fingerprinter(settings, state);
        Deduplicator deduplicator = new Deduplicator(settings, state);
        List<ArticleFetched> articles = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            for (Doc d : SyndicationSet.generate(originals, seed + 1, r)) {
                articles.add(d.article());
            }
        }
        int warmup = Math.min(1000, articles.size() / 5);
        long t0 = 0;
        for (int i = 0; i < articles.size(); i++) {
            if (i == warmup) {
                t0 = System.nanoTime();
            }
            ArticleFetched a = articles.get(i);
            long now = a.fetch().fetchedAt().toEpochMilli();
            deduplicator.accept(a, fingerprinter.fingerprint(a, now), now);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(
                Locale.ROOT,
                "in-memory algorithmic path (fingerprint + LSH + stories over plain maps holding %d"
                        + " signatures; no JSON, no RocksDB; one thread): %.0f articles/s%n",
                signatures,
                (articles.size() - warmup) / seconds);
    }

    private static String kinds(List<Doc> docs) {
        Map<Kind, Integer> n = new java.util.EnumMap<>(Kind.class);
        for (Doc d : docs) {
            n.merge(d.kind(), 1, Integer::sum);
        }
        return n.toString();
    }

    static double rssMb() {
        try {
            for (String line :
                    Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** {@code dir/ground-truth.json}, {@code dir/article-extraction-benchmark/...}, or found. */
    static Path groundTruth(String data) {
        List<Path> dirs = new ArrayList<>();
        if (data != null) {
            dirs.add(Path.of(data));
        } else {
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                dirs.add(p.resolve("shared").resolve("data"));
                dirs.add(p.resolve("../shared/data").normalize());
            }
        }
        for (Path dir : dirs) {
            for (Path candidate :
                    List.of(
                            dir.resolve("ground-truth.json"),
                            dir.resolve("article-extraction-benchmark/ground-truth.json"))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    /** The story of each article as last published. */
    static Map<String, String> stories(List<ArticleAccepted> accepted) {
        Map<String, String> stories = new HashMap<>();
        for (ArticleAccepted a : accepted) {
            stories.put(a.articleId(), a.storyId());
        }
        return stories;
    }
}
