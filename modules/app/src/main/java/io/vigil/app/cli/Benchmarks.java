package io.vigil.app.cli;

import io.vigil.app.bench.AlertsBenchmark;
import io.vigil.app.bench.ExportBenchmark;
import io.vigil.app.bench.ExtractionBenchmark;
import io.vigil.app.bench.PipelineBenchmark;
import io.vigil.app.bench.TrendsBenchmark;
import io.vigil.classifier.bench.ClassifyBenchmark;
import io.vigil.crawler.feed.FeedparserBenchmark;
import io.vigil.crawler.feed.FeedsBenchmark;
import io.vigil.dedup.bench.DedupBenchmark;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code vigil bench <name> [--data DIR]}. Each benchmark prints what it measures and ends with one
 * line {@code <name>: key=value key=value ...}. Benchmarks arrive with the stages they measure;
 * this is where they register.
 */
final class Benchmarks {

    /** A runnable benchmark: takes its arguments, returns the process exit code. */
    interface Benchmark {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    private static final Map<String, Benchmark> REGISTRY = new TreeMap<>();

    static {
        REGISTRY.put("feedparser", FeedparserBenchmark::run);
        REGISTRY.put("feeds", FeedsBenchmark::run);
        REGISTRY.put("dedup", DedupBenchmark::run);
        REGISTRY.put("classify", ClassifyBenchmark::run);
        REGISTRY.put("extraction", ExtractionBenchmark::run);
        REGISTRY.put("pipeline", PipelineBenchmark::run);
        REGISTRY.put("alerts", AlertsBenchmark::run);
        REGISTRY.put("export", ExportBenchmark::run);
        REGISTRY.put("trends", TrendsBenchmark::run);
    }

    private Benchmarks() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new CommandLine.UsageException(
                    "bench needs a benchmark name; available: " + available());
        }
        Benchmark benchmark = REGISTRY.get(args.get(0));
        if (benchmark == null) {
            throw new CommandLine.UsageException(
                    "no benchmark named '" + args.get(0) + "'; available: " + available());
        }
        return benchmark.run(args.subList(1, args.size()), out, err);
    }

    private static String available() {
        return REGISTRY.isEmpty() ? "(none yet)" : String.join(", ", REGISTRY.keySet());
    }
}
