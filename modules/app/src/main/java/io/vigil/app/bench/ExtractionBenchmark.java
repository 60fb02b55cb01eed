package io.vigil.app.bench;

import io.vigil.baseline.ReadabilityBaseline;
import io.vigil.crawler.page.ArticleExtractor;
import io.vigil.crawler.page.BenchmarkPages;
import io.vigil.crawler.page.ExtractionScore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * {@code vigil bench extraction [--data DIR] [--warmup N] [--rounds N]}: accuracy of Vigil's
 * article extractor on the article-extraction benchmark (the benchmark's own shingle metric), and
 * warm single-thread pages per second of Vigil and of readability4j (the baseline) in the same JVM
 * run.
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path data = null;
        int warmup = 5;
        int rounds = 5;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (i + 1 >= args.size()) {
                err.println("bench extraction: " + arg + " needs a value");
                return 2;
            }
            switch (arg) {
                case "--data" -> data = Path.of(args.get(++i));
                case "--warmup" -> warmup = Integer.parseInt(args.get(++i));
                case "--rounds" -> rounds = Integer.parseInt(args.get(++i));
                default -> {
                    err.println("bench extraction: unknown option " + arg);
                    return 2;
                }
            }
        }
        if (data == null) {
            data = BenchmarkPages.find();
        }
        if (data == null || !Files.isRegularFile(data.resolve("ground-truth.json"))) {
            err.println("bench extraction: no benchmark data (give --data DIR)");
            return 2;
        }
        List<BenchmarkPages.Page> pages;
        try {
            pages = BenchmarkPages.load(data);
        } catch (IOException e) {
            err.println("bench extraction: cannot read " + data + ": " + e.getMessage());
            return 2;
        }
        ArticleExtractor extractor = new ArticleExtractor();
        BiFunction<BenchmarkPages.Page, Boolean, String> vigil =
                (page, unused) -> extractor.extract(page.html(), page.url()).text();
        BiFunction<BenchmarkPages.Page, Boolean, String> baseline =
                (page, unused) -> ReadabilityBaseline.extract(page.html(), page.url().toString());

        ExtractionScore.Summary score = score(pages, vigil);
        ExtractionScore.Summary baselineScore = score(pages, baseline);
        out.printf(Locale.ROOT, "pages: %d from %s%n", pages.size(), data);
        out.printf(Locale.ROOT, "vigil:         %s%n", format(score));
        out.printf(Locale.ROOT, "readability4j: %s%n", format(baselineScore));

        for (int i = 0; i < warmup; i++) {
            race(pages, vigil, baseline);
        }
        long[] nanos = new long[2];
        for (int i = 0; i < rounds; i++) {
            long[] round = race(pages, vigil, baseline);
            nanos[0] += round[0];
            nanos[1] += round[1];
        }
        double vigilRate = pages.size() * (double) rounds / (nanos[0] / 1e9);
        double baselineRate = pages.size() * (double) rounds / (nanos[1] / 1e9);
        out.printf(
                Locale.ROOT,
                "warm single-thread pages/s (%d rounds after %d warm-up rounds, the two extractors"
                        + " alternating page by page): vigil %.1f, readability4j %.1f%n",
                rounds,
                warmup,
                vigilRate,
                baselineRate);
        out.printf(
                Locale.ROOT,
                "extraction: f1=%.4f precision=%.4f recall=%.4f accuracy=%.4f pages_per_s=%.1f"
                        + " baseline_pages_per_s=%.1f speed_ratio=%.2f%n",
                score.f1(),
                score.precision(),
                score.recall(),
                score.accuracy(),
                vigilRate,
                baselineRate,
                vigilRate / baselineRate);
        return 0;
    }

    private static ExtractionScore.Summary score(
            List<BenchmarkPages.Page> pages, BiFunction<BenchmarkPages.Page, Boolean, String> x) {
        List<ExtractionScore.PageScore> scores = new ArrayList<>();
        for (BenchmarkPages.Page page : pages) {
            scores.add(ExtractionScore.score(x.apply(page, Boolean.TRUE), page.expected()));
        }
        return ExtractionScore.summarize(scores);
    }

    /**
     * One pass over all pages, running both extractors on each page in turn (which one goes first
     * alternates), so that a busy machine slows both alike. Returns the nanoseconds each spent.
     */
    private static long[] race(
            List<BenchmarkPages.Page> pages,
            BiFunction<BenchmarkPages.Page, Boolean, String> a,
            BiFunction<BenchmarkPages.Page, Boolean, String> b) {
        long[] nanos = new long[2];
        long sink = 0;
        for (int i = 0; i < pages.size(); i++) {
            BenchmarkPages.Page page = pages.get(i);
            for (int k = 0; k < 2; k++) {
                boolean first = (i + k) % 2 == 0;
                long start = System.nanoTime();
                sink += (first ? a : b).apply(page, Boolean.FALSE).length();
                nanos[first ? 0 : 1] += System.nanoTime() - start;
            }
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable");
        }
        return nanos;
    }

    private static String format(ExtractionScore.Summary s) {
        return String.format(
                Locale.ROOT,
                "f1=%.4f precision=%.4f recall=%.4f accuracy=%.4f",
                s.f1(),
                s.precision(),
                s.recall(),
                s.accuracy());
    }
}
