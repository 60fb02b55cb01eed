package io.vigil.crawler.feed;

import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.http.FetchRequest;
import io.vigil.crawler.http.FetchResult;
import io.vigil.crawler.http.HttpFetcher;
import io.vigil.crawler.http.LoopbackHttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@code vigil bench feedparser --data DIR}: serves feedparser's 2,100 edge-case feeds over a local
 * HTTP server with the headers each file names, runs them through {@link HttpFetcher} and {@link
 * FeedParser}, and checks the expectations that concern what Vigil keeps. Last line: {@code
 * feedparser: files=N crashes=N hangs=N checked=N passed=N}.
 */
public final class FeedparserBenchmark {

    private static final long PER_FILE_SECONDS = 20;

    /** Totals of one run. */
    public record Totals(int files, int crashes, int hangs, int checked, int passed) {
        /** The benchmark's last line. */
        public String line() {
            return "feedparser: files="
                    + files
                    + " crashes="
                    + crashes
                    + " hangs="
                    + hangs
                    + " checked="
                    + checked
                    + " passed="
                    + passed;
        }
    }

    private FeedparserBenchmark() {}

    /** Entry point for {@code vigil bench feedparser}. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path data = null;
        boolean verbose = false;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--data") && i + 1 < args.size()) {
                data = Path.of(args.get(++i));
            } else if (args.get(i).equals("--verbose")) {
                verbose = true;
            } else {
                err.println("usage: vigil bench feedparser --data DIR [--verbose]");
                return 2;
            }
        }
        if (data == null) {
            data = FeedparserCase.findDefaultData();
        }
        if (data == null || !Files.isDirectory(data)) {
            err.println("feedparser test data not found (give --data DIR)");
            return 2;
        }
        Totals totals = measure(data, out, verbose);
        out.println(totals.line());
        return 0;
    }

    /** Runs every file under {@code data}; prints failures and a per-family summary. */
    public static Totals measure(Path data, PrintStream out, boolean verbose) {
        List<FeedparserCase> cases;
        try (Stream<Path> files = Files.walk(data)) {
            cases =
                    files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().equals("LICENSE"))
                            .sorted()
                            .map(p -> FeedparserCase.load(data, p))
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoopbackHttpServer server;
        try {
            server = LoopbackHttpServer.start(FeedparserCase.handler(cases));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String host = "127.0.0.1:" + server.port();
        CrawlerProperties.Http http =
                new CrawlerProperties.Http(
                        null,
                        null,
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        null,
                        null,
                        Duration.ZERO,
                        null,
                        null,
                        null,
                        List.of("127.0.0.1"));
        long peakHeapMb = 0;
        int crashes = 0;
        int hangs = 0;
        int checked = 0;
        int passed = 0;
        Map<String, int[]> families = new TreeMap<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (HttpFetcher fetcher = new HttpFetcher(http)) {
            for (FeedparserCase c : cases) {
                URI url = URI.create("http://" + host + "/" + c.relativePath());
                Future<ParsedFeed> future =
                        worker.submit(
                                () -> {
                                    FetchResult r = fetcher.fetch(FetchRequest.of(url));
                                    return FeedParser.parse(
                                            r.body(), r.contentType(), r.charset(), r.finalUrl());
                                });
                ParsedFeed feed;
                try {
                    feed = future.get(PER_FILE_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    hangs++;
                    future.cancel(true);
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor();
                    out.println("HANG  " + c.relativePath());
                    continue;
                } catch (ExecutionException e) {
                    crashes++;
                    out.println("CRASH " + c.relativePath() + ": " + e.getCause());
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                Runtime rt = Runtime.getRuntime();
                peakHeapMb = Math.max(peakHeapMb, (rt.totalMemory() - rt.freeMemory()) >> 20);
                if (c.expect() == null) {
                    continue;
                }
                FeedparserExpectation.Result result =
                        FeedparserExpectation.evaluate(c.expect(), feed, host);
                if (result.verdict() == FeedparserExpectation.Verdict.UNTRANSLATABLE) {
                    if (verbose) {
                        out.println("SKIP  " + c.relativePath() + ": " + result.note());
                    }
                    continue;
                }
                checked++;
                int[] fam = families.computeIfAbsent(result.family(), k -> new int[2]);
                fam[0]++;
                if (result.verdict() == FeedparserExpectation.Verdict.PASSED) {
                    passed++;
                    fam[1]++;
                } else if (verbose) {
                    out.println("FAIL  " + c.relativePath() + ": " + result.note());
                }
            }
        } finally {
            worker.shutdownNow();
            server.close();
        }
        out.println("peak heap used: " + peakHeapMb + " MB");
        families.forEach((k, v) -> out.println("  " + k + ": checked=" + v[0] + " passed=" + v[1]));
        return new Totals(cases.size(), crashes, hangs, checked, passed);
    }
}
