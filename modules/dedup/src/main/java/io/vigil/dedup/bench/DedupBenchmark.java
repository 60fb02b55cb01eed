package io.vigil.dedup.bench;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.bench.SyndicationSet.Doc;
import io.vigil.dedup.bench.SyndicationSet.Kind;
import io.vigil.dedup.bench.SyndicationSet.Original;
import io.vigil.dedup.stream.DirectStage;
import io.vigil.dedup.stream.StorePreloader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;

/**
 * {@code vigil bench dedup [--data DIR] [--signatures N] [--rounds N] [--seed N] [--state DIR]
 * [--settle SECONDS] [--bucket-filter-mb N] [--cache-mb N]}: clustering quality on a labelled
 * syndication set made from the article-extraction benchmark's clean texts, and throughput of the
 * stage's full processing path with a million signatures stored. Last line: {@code dedup:
 * precision=… recall=… purity=… articles_per_s=… rss_mb=…}.
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
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "48"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "20261126"));
        int settleSeconds = Integer.parseInt(options.getOrDefault("--settle", "180"));
        Path state = Path.of(options.getOrDefault("--state", "data/bench/dedup")).toAbsolutePath();
        DedupProperties settings = DedupProperties.defaults();
        if (options.containsKey("--bucket-filter-mb")) {
            settings =
                    settings.withBucketFilterMb(
                            Integer.parseInt(options.get("--bucket-filter-mb")));
        }
        if (options.containsKey("--cache-mb")) {
            settings = settings.withCacheMb(Integer.parseInt(options.get("--cache-mb")));
        }
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
                long t1 = System.nanoTime();
                stage.reopen();
                out.printf(
                        Locale.ROOT,
                        "stage opened again on them, as after a restoration, in %.1f s (fills its"
                                + " bucket filter of %d MB)%n",
                        (System.nanoTime() - t1) / 1e9,
                        settings.bucketFilterMb());
                out.printf(
                        Locale.ROOT,
                        "waited %.1f s (at most %d) for RocksDB to finish compacting the bulk load"
                                + " (a stage that reached a million signatures over days has no"
                                + " such backlog)%n",
                        Settle.awaitQuiet(settleSeconds),
                        settleSeconds);
                perSecond = Throughput.staged(stage, originals, seed, rounds, out);
            }
            double rss = rssMb();
            delete(state);
            Throughput.algorithmic(originals, seed, rounds, signatures, settings, out);
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
