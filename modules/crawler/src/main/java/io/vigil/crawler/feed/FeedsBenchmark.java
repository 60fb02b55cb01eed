package io.vigil.crawler.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigil.core.build.SuppressForbidden;
import io.vigil.core.feed.Feed;
import io.vigil.core.feed.FeedHealth;
import io.vigil.core.feed.FeedState;
import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.http.FetchOutcome;
import io.vigil.crawler.http.HttpFetcher;
import io.vigil.crawler.schedule.PollSchedule;
import io.vigil.crawler.schedule.ScheduleSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code vigil bench feeds [--feeds N] [--hosts H] [--workers W]}: polls N feeds (default 10,000)
 * served by H local servers on distinct loopback addresses (default 50) with a mix of answers: 50%
 * new content (200), 25% unchanged (304 to a conditional GET), 15% errors (500, 404, 410, 429, not
 * a feed) and 10% slow (300 ms). Measures one cycle through the crawler's own poll path (politeness
 * with no minimum delay, fetch, parse, seen-set, next state) and, in the same run, a baseline of
 * plain GETs of the same URLs with the JDK client. CPU is the process's CPU time minus the time the
 * local servers' handler threads spent. Last line: {@code feeds: feeds_per_s=… cpu_s_per_1000=…
 * baseline_feeds_per_s=… ok=… not_modified=… errors=…}.
 */
@SuppressForbidden(reason = "jdk.httpserver serves the benchmark's local feeds")
public final class FeedsBenchmark {

    private static final int ITEMS = 20;

    private FeedsBenchmark() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int feeds = intOption(args, "--feeds", 10_000);
        int hosts = intOption(args, "--hosts", 50);
        int workers = intOption(args, "--workers", 64);
        LongAdder serverCpuNanos = new LongAdder();
        AtomicLong generation = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<HttpServer> servers = new ArrayList<>();
        try {
            for (int h = 0; h < hosts; h++) {
                HttpServer server =
                        HttpServer.create(new InetSocketAddress("127.0.1." + (h + 1), 0), 200);
                server.createContext("/", ex -> serve(ex, threads, serverCpuNanos, generation));
                server.setExecutor(Executors.newFixedThreadPool(4));
                server.start();
                servers.add(server);
            }
            List<Feed> list = new ArrayList<>();
            for (int i = 0; i < feeds; i++) {
                HttpServer s = servers.get(i % hosts);
                URI url =
                        URI.create(
                                "http://127.0.1."
                                        + (i % hosts + 1)
                                        + ":"
                                        + s.getAddress().getPort()
                                        + "/feed/"
                                        + i);
                list.add(new Feed(Feed.SCHEMA, "f" + i, url, null, null, "en", null, null));
            }
            out.printf(Locale.ROOT, "feeds=%d hosts=%d workers=%d%n", feeds, hosts, workers);

            double baseline = baseline(list, workers);
            out.printf(Locale.ROOT, "baseline (plain GETs): %.0f feeds/s%n", baseline);

            CrawlerProperties.Http http =
                    CrawlerProperties.Http.defaults()
                            .withMinDelayPerHost(Duration.ZERO)
                            .withAllowedAddresses(List.of("127.0.0.0/8"));
            ScheduleSettings schedule = ScheduleSettings.defaults();
            Map<FetchOutcome, Integer> outcomes = new EnumMap<>(FetchOutcome.class);
            Map<FeedHealth, Integer> health = new EnumMap<>(FeedHealth.class);
            try (HttpFetcher fetcher = new HttpFetcher(http)) {
                FeedPoller poller =
                        new FeedPoller(
                                fetcher,
                                new PollSchedule(schedule, new Random(1)),
                                schedule.seenCapacity(),
                                Clock.systemUTC());
                cycle(poller, list, workers, outcomes, health); // warm-up: robots, JIT, connections
                outcomes.clear();
                health.clear();
                long cpuBefore = ProcessCpu.nanos();
                long serverBefore = serverCpuNanos.sum();
                long start = System.nanoTime();
                cycle(poller, list, workers, outcomes, health);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu =
                        (ProcessCpu.nanos() - cpuBefore - (serverCpuNanos.sum() - serverBefore))
                                / 1e9;
                int errors =
                        health.getOrDefault(FeedHealth.FAILING, 0)
                                + health.getOrDefault(FeedHealth.GONE, 0);
                out.println("fetch outcomes: " + outcomes);
                out.println("feed health after the cycle: " + health);
                out.printf(
                        Locale.ROOT,
                        "feeds: feeds_per_s=%.0f cpu_s_per_1000=%.3f baseline_feeds_per_s=%.0f ok=%d"
                                + " not_modified=%d errors=%d%n",
                        feeds / seconds,
                        cpu * 1000 / feeds,
                        baseline,
                        health.getOrDefault(FeedHealth.OK, 0),
                        health.getOrDefault(FeedHealth.NOT_MODIFIED, 0),
                        errors);
            }
            return 0;
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            err.println("feeds benchmark failed: " + e);
            return 1;
        } finally {
            for (HttpServer s : servers) {
                s.stop(0);
                ((ExecutorService) s.getExecutor()).shutdownNow();
            }
        }
    }

    /** Polls every feed once, each with the state a previous poll would have left. */
    private static void cycle(
            FeedPoller poller,
            List<Feed> feeds,
            int workers,
            Map<FetchOutcome, Integer> outcomes,
            Map<FeedHealth, Integer> health)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<FeedPoller.Poll>> polls = new ArrayList<>();
            for (Feed feed : feeds) {
                FeedState state = FeedState.initial(feed, Duration.ofMinutes(30), Instant.now());
                int kind = kind(feed);
                if (kind == Kind.UNCHANGED.ordinal()) {
                    state = withEtag(state, "\"v1\"");
                }
                FeedState s = state;
                polls.add(pool.submit(() -> poller.poll(feed, s)));
            }
            for (Future<FeedPoller.Poll> f : polls) {
                FeedPoller.Poll poll = f.get();
                outcomes.merge(poll.outcome(), 1, Integer::sum);
                health.merge(poll.state().health(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double baseline(List<Feed> feeds, int workers)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> gets = new ArrayList<>();
            for (Feed feed : feeds) {
                gets.add(
                        pool.submit(
                                () ->
                                        client.send(
                                                        HttpRequest.newBuilder(feed.url()).build(),
                                                        HttpResponse.BodyHandlers.ofByteArray())
                                                .statusCode()));
            }
            for (Future<Integer> g : gets) {
                g.get();
            }
            return feeds.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private enum Kind {
        CHANGING,
        UNCHANGED,
        ERROR,
        SLOW
    }

    private static int kind(Feed feed) {
        int n = Integer.parseInt(feed.id().substring(1)) % 20;
        return (n < 10 ? Kind.CHANGING : n < 15 ? Kind.UNCHANGED : n < 18 ? Kind.ERROR : Kind.SLOW)
                .ordinal();
    }

    private static void serve(
            HttpExchange ex, ThreadMXBean threads, LongAdder cpu, AtomicLong generation)
            throws IOException {
        long cpuStart = threads.getCurrentThreadCpuTime();
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                send(ex, 200, "text/plain", "User-agent: *\nAllow: /\n");
                return;
            }
            int id = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            int n = id % 20;
            if (n >= 15 && n < 18) {
                switch ((id / 20) % 5) {
                    case 0 -> send(ex, 500, "text/plain", "boom");
                    case 1 -> send(ex, 404, "text/plain", "missing");
                    case 2 -> send(ex, 410, "text/plain", "gone");
                    case 3 -> {
                        ex.getResponseHeaders().set("Retry-After", "120");
                        send(ex, 429, "text/plain", "slow down");
                    }
                    default -> send(ex, 200, "text/html", "<html><body>not a feed</body></html>");
                }
                return;
            }
            if (n >= 18) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            boolean unchanged = n >= 10 && n < 15;
            String etag = unchanged ? "\"v1\"" : "\"g" + generation.incrementAndGet() + "\"";
            if (unchanged && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            send(
                    ex,
                    200,
                    "application/rss+xml; charset=utf-8",
                    rss(id, unchanged ? 0 : generation.get()));
        } finally {
            cpu.add(threads.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    private static String rss(int id, long gen) {
        StringBuilder b = new StringBuilder(8192);
        b.append(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed ")
                .append(id)
                .append("</title><link>http://example.org/")
                .append(id)
                .append("/</link>");
        for (int i = 0; i < ITEMS; i++) {
            long item = gen + i;
            b.append("<item><title>Story ")
                    .append(item)
                    .append(" of feed ")
                    .append(id)
                    .append("</title><link>http://example.org/")
                    .append(id)
                    .append("/story/")
                    .append(item)
                    .append("?utm_source=rss</link><guid>")
                    .append(id)
                    .append('-')
                    .append(item)
                    .append("</guid><pubDate>Tue, 24 Nov 2026 10:")
                    .append(String.format(Locale.ROOT, "%02d", i % 60))
                    .append(":00 +0000</pubDate><description>&lt;p&gt;Summary of story ")
                    .append(item)
                    .append(
                            " with some text about detainees and reports.&lt;/p&gt;</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    private static void send(HttpExchange ex, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(bytes);
        }
    }

    private static FeedState withEtag(FeedState s, String etag) {
        return new FeedState(
                s.schema(),
                s.feedId(),
                s.currentUrl(),
                s.health(),
                0,
                null,
                etag,
                null,
                null,
                null,
                s.interval(),
                s.nextPoll(),
                s.seen(),
                s.recentPublished());
    }

    private static int intOption(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }

    /** CPU time of this process: /proc/self/stat on Linux, else the sum over live threads. */
    static final class ProcessCpu {
        private ProcessCpu() {}

        static long nanos() {
            try {
                String stat =
                        java.nio.file.Files.readString(
                                java.nio.file.Path.of("/proc/self/stat"),
                                StandardCharsets.US_ASCII);
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return ticks * 10_000_000L; // USER_HZ = 100
            } catch (IOException | RuntimeException e) {
                ThreadMXBean t = ManagementFactory.getThreadMXBean();
                long sum = 0;
                for (long id : t.getAllThreadIds()) {
                    sum += Math.max(0, t.getThreadCpuTime(id));
                }
                return sum;
            }
        }
    }
}
