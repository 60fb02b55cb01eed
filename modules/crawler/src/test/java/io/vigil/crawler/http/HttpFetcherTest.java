package io.vigil.crawler.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.http.LoopbackHttpServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    static CrawlerProperties.Http config(
            Duration read, Duration total, long maxBytes, Duration minDelay, List<String> allowed) {
        return new CrawlerProperties.Http(
                URI.create("https://vigil.example.org/about"),
                "Vigil/0.1",
                Duration.ofSeconds(2),
                read,
                total,
                org.springframework.util.unit.DataSize.ofBytes(maxBytes),
                5,
                minDelay,
                Duration.ofSeconds(5),
                Duration.ofMinutes(10),
                Duration.ofHours(1),
                allowed);
    }

    private HttpFetcher fetcher(CrawlerProperties.Http config) {
        HttpFetcher f = new HttpFetcher(config);
        closeables.add(f);
        return f;
    }

    private HttpFetcher fetcher() {
        return fetcher(
                config(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        1_000_000,
                        Duration.ZERO,
                        List.of("127.0.0.1")));
    }

    private LoopbackHttpServer server(LoopbackHttpServer.Handler handler) throws IOException {
        LoopbackHttpServer s =
                LoopbackHttpServer.start(
                        request -> {
                            if (request.path().equals("/robots.txt")) {
                                return Response.text(404, "");
                            }
                            return handler.handle(request);
                        });
        closeables.add(s);
        return s;
    }

    @Test
    void sendsUserAgentAndConditionalHeadersAndReports304() throws IOException {
        List<LoopbackHttpServer.Request> seen = new ArrayList<>();
        LoopbackHttpServer s =
                server(
                        r -> {
                            seen.add(r);
                            if ("\"v1\"".equals(r.header("If-None-Match"))) {
                                return Response.text(304, "");
                            }
                            return Response.text(
                                    200,
                                    "<rss/>",
                                    "ETag",
                                    "\"v1\"",
                                    "Last-Modified",
                                    "Mon, 03 Apr 2023 01:02:03 GMT",
                                    "Content-Type",
                                    "application/rss+xml");
                        });
        HttpFetcher f = fetcher();

        FetchResult first = f.fetch(FetchRequest.of(s.uri("/feed")));
        FetchResult second =
                f.fetch(new FetchRequest(s.uri("/feed"), first.etag(), first.lastModified()));

        assertThat(first.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(second.outcome()).isEqualTo(FetchOutcome.NOT_MODIFIED);
        assertThat(second.body()).isEmpty();
        assertThat(seen.get(1).header("If-Modified-Since"))
                .isEqualTo("Mon, 03 Apr 2023 01:02:03 GMT");
        assertThat(seen.get(0).header("User-Agent"))
                .isEqualTo("Vigil/0.1 (+https://vigil.example.org/about)");
        assertThat(seen.get(0).header("Accept-Encoding")).contains("gzip");
    }

    @Test
    void decodesGzipAndDeflate() throws IOException {
        byte[] plain = "<feed>hello</feed>".getBytes(StandardCharsets.UTF_8);
        LoopbackHttpServer s =
                server(
                        r -> {
                            if (r.path().equals("/gz")) {
                                return Response.of(200, gzip(plain), "Content-Encoding", "gzip");
                            }
                            java.util.zip.Deflater d = new java.util.zip.Deflater();
                            d.setInput(plain);
                            d.finish();
                            byte[] buf = new byte[1024];
                            int n = d.deflate(buf);
                            d.end();
                            return Response.of(
                                    200,
                                    java.util.Arrays.copyOf(buf, n),
                                    "Content-Encoding",
                                    "deflate");
                        });
        HttpFetcher f = fetcher();

        assertThat(f.fetch(FetchRequest.of(s.uri("/gz"))).body()).isEqualTo(plain);
        assertThat(f.fetch(FetchRequest.of(s.uri("/deflate"))).body()).isEqualTo(plain);
    }

    @Test
    void followsRelativeRedirectsAndReportsPermanentMoves() throws IOException {
        LoopbackHttpServer s =
                server(
                        r ->
                                switch (r.path()) {
                                    case "/old" -> Response.text(301, "", "Location", "newer");
                                    case "/newer" -> Response.text(308, "", "Location", "/newest");
                                    case "/temp" -> Response.text(302, "", "Location", "/newest");
                                    default -> Response.text(200, "ok");
                                });
        HttpFetcher f = fetcher();

        FetchResult moved = f.fetch(FetchRequest.of(s.uri("/old")));
        FetchResult temporary = f.fetch(FetchRequest.of(s.uri("/temp")));

        assertThat(moved.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(moved.finalUrl()).isEqualTo(s.uri("/newest"));
        assertThat(moved.movedPermanentlyTo()).isEqualTo(s.uri("/newest"));
        assertThat(temporary.finalUrl()).isEqualTo(s.uri("/newest"));
        assertThat(temporary.movedPermanentlyTo()).isNull();
    }

    @Test
    void stopsRedirectLoopsAndLongChains() throws IOException {
        LoopbackHttpServer s =
                server(
                        r -> {
                            String p = r.path();
                            if (p.equals("/a")) {
                                return Response.text(302, "", "Location", "/b");
                            }
                            if (p.equals("/b")) {
                                return Response.text(302, "", "Location", "/a");
                            }
                            int n = Integer.parseInt(p.substring(1));
                            return n == 0
                                    ? Response.text(200, "end")
                                    : Response.text(302, "", "Location", "/" + (n - 1));
                        });
        HttpFetcher f = fetcher();

        assertThat(f.fetch(FetchRequest.of(s.uri("/a"))).outcome())
                .isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
        assertThat(f.fetch(FetchRequest.of(s.uri("/5"))).outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(f.fetch(FetchRequest.of(s.uri("/6"))).outcome())
                .isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
    }

    @Test
    void timesOutOnSlowHeadersAndOnATricklingBody() throws IOException {
        LoopbackHttpServer s =
                server(
                        r -> {
                            if (r.path().equals("/slow-headers")) {
                                Thread.sleep(3_000);
                                return Response.text(200, "late");
                            }
                            return new Response(
                                    200,
                                    List.of(),
                                    -1,
                                    out -> {
                                        for (int i = 0; i < 100; i++) {
                                            out.write('x');
                                            out.flush();
                                            Thread.sleep(100);
                                        }
                                    });
                        });
        HttpFetcher f =
                fetcher(
                        config(
                                Duration.ofMillis(500),
                                Duration.ofSeconds(1),
                                1_000_000,
                                Duration.ZERO,
                                List.of("127.0.0.1")));

        FetchResult headers = f.fetch(FetchRequest.of(s.uri("/slow-headers")));
        FetchResult trickle = f.fetch(FetchRequest.of(s.uri("/trickle")));

        assertThat(headers.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(trickle.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(trickle.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesBodiesOverTheLimitWhileStreaming() throws IOException {
        AtomicInteger bytesWritten = new AtomicInteger();
        LoopbackHttpServer s =
                server(
                        r ->
                                switch (r.path()) {
                                    case "/declared" -> Response.of(200, new byte[5_000]);
                                    case "/bomb" ->
                                            Response.of(
                                                    200,
                                                    gzip(new byte[2_000_000]),
                                                    "Content-Encoding",
                                                    "gzip");
                                    default ->
                                            new Response(
                                                    200,
                                                    List.of(),
                                                    -1,
                                                    out -> {
                                                        byte[] chunk = new byte[1024];
                                                        for (int i = 0; i < 100_000; i++) {
                                                            out.write(chunk);
                                                            bytesWritten.addAndGet(chunk.length);
                                                        }
                                                    });
                                });
        HttpFetcher f =
                fetcher(
                        config(
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(5),
                                4_096,
                                Duration.ZERO,
                                List.of("127.0.0.1")));

        assertThat(f.fetch(FetchRequest.of(s.uri("/declared"))).outcome())
                .isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(f.fetch(FetchRequest.of(s.uri("/bomb"))).outcome())
                .isEqualTo(FetchOutcome.TOO_LARGE);
        FetchResult endless = f.fetch(FetchRequest.of(s.uri("/endless")));
        assertThat(endless.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(bytesWritten.get()).isLessThan(100_000 * 1024);
    }

    @Test
    void detectsCharsetFromHeaderBomAndDeclaration() throws IOException {
        LoopbackHttpServer s =
                server(
                        r ->
                                switch (r.path()) {
                                    case "/header" ->
                                            Response.text(
                                                    200,
                                                    "<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>",
                                                    "Content-Type",
                                                    "application/xml; charset=iso-8859-1");
                                    case "/decl" ->
                                            Response.text(
                                                    200,
                                                    "<?xml version='1.0' encoding='windows-1251'?><a/>",
                                                    "Content-Type",
                                                    "application/xml");
                                    default ->
                                            Response.of(
                                                    200,
                                                    new byte[] {
                                                        (byte) 0xEF,
                                                        (byte) 0xBB,
                                                        (byte) 0xBF,
                                                        '<',
                                                        'a',
                                                        '/',
                                                        '>'
                                                    },
                                                    "Content-Type",
                                                    "text/xml; charset=iso-8859-1");
                                });
        HttpFetcher f = fetcher();

        assertThat(f.fetch(FetchRequest.of(s.uri("/header"))).charset())
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(f.fetch(FetchRequest.of(s.uri("/decl"))).charset().name())
                .isEqualTo("windows-1251");
        assertThat(f.fetch(FetchRequest.of(s.uri("/bom"))).charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void blocksPrivateAddressesIncludingRedirectTargets() throws IOException {
        LoopbackHttpServer s =
                server(
                        r ->
                                switch (r.path()) {
                                    case "/to-private" ->
                                            Response.text(302, "", "Location", "http://10.1.2.3/x");
                                    case "/to-metadata" ->
                                            Response.text(
                                                    302,
                                                    "",
                                                    "Location",
                                                    "http://169.254.169.254/latest/meta-data/");
                                    case "/to-loopback6" ->
                                            Response.text(302, "", "Location", "http://[::1]:1/");
                                    default -> Response.text(200, "ok");
                                });
        HttpFetcher strict =
                fetcher(
                        config(
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(5),
                                1_000_000,
                                Duration.ZERO,
                                List.of()));
        HttpFetcher allowingLoopback = fetcher();

        assertThat(strict.fetch(FetchRequest.of(s.uri("/"))).outcome())
                .isEqualTo(FetchOutcome.ADDRESS_BLOCKED);
        assertThat(s.requestCount()).isZero();
        assertThat(allowingLoopback.fetch(FetchRequest.of(s.uri("/to-private"))).outcome())
                .isEqualTo(FetchOutcome.ADDRESS_BLOCKED);
        assertThat(allowingLoopback.fetch(FetchRequest.of(s.uri("/to-metadata"))).outcome())
                .isEqualTo(FetchOutcome.ADDRESS_BLOCKED);
        assertThat(allowingLoopback.fetch(FetchRequest.of(s.uri("/to-loopback6"))).outcome())
                .isEqualTo(FetchOutcome.ADDRESS_BLOCKED);
    }

    @Test
    void badUrlsAndDeadServersAreOutcomes() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        HttpFetcher f = fetcher();

        assertThat(f.fetch(FetchRequest.of(URI.create("ftp://example.org/feed"))).outcome())
                .isEqualTo(FetchOutcome.INVALID_URL);
        assertThat(f.fetch(FetchRequest.of(URI.create("/relative/feed"))).outcome())
                .isEqualTo(FetchOutcome.INVALID_URL);
        FetchResult dead =
                f.fetch(FetchRequest.of(URI.create("http://127.0.0.1:" + closedPort + "/")));
        assertThat(dead.outcome()).isEqualTo(FetchOutcome.ROBOTS_UNREACHABLE);
        assertThat(dead.outcome().isRetriable()).isTrue();
        assertThat(dead.detail()).contains("connection refused");
        assertThat(f.fetch(FetchRequest.of(URI.create("http://no-such-host.invalid/"))).outcome())
                .isEqualTo(FetchOutcome.NETWORK_ERROR);
    }

    @Test
    void backsOffAHostAfter429WithRetryAfter() throws IOException {
        LoopbackHttpServer s = server(r -> Response.text(429, "slow down", "Retry-After", "120"));
        HttpFetcher f = fetcher();

        FetchResult first = f.fetch(FetchRequest.of(s.uri("/feed")));
        int requestsAfterFirst = s.requestCount();
        FetchResult second = f.fetch(FetchRequest.of(s.uri("/other")));

        assertThat(first.outcome()).isEqualTo(FetchOutcome.RATE_LIMITED);
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(second.outcome()).isEqualTo(FetchOutcome.RATE_LIMITED);
        assertThat(second.retryAfter()).isGreaterThan(Duration.ofSeconds(100));
        assertThat(s.requestCount()).isEqualTo(requestsAfterFirst);
        assertThat(FetchOutcome.RATE_LIMITED.isRetriable()).isTrue();
    }

    @Test
    void sendsOneRequestAtATimeToAHost() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        LoopbackHttpServer s =
                server(
                        r -> {
                            int now = inFlight.incrementAndGet();
                            maxInFlight.accumulateAndGet(now, Math::max);
                            Thread.sleep(100);
                            inFlight.decrementAndGet();
                            return Response.text(200, "ok");
                        });
        HttpFetcher f = fetcher();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FetchResult>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                URI u = s.uri("/p" + i);
                futures.add(pool.submit(() -> f.fetch(FetchRequest.of(u))));
            }
            for (Future<FetchResult> fu : futures) {
                assertThat(fu.get().outcome()).isEqualTo(FetchOutcome.OK);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxInFlight.get()).isEqualTo(1);
    }

    @Test
    void waitsTheMinimumDelayBetweenRequestsToAHost() throws IOException {
        List<Long> starts = new ArrayList<>();
        LoopbackHttpServer s =
                server(
                        r -> {
                            synchronized (starts) {
                                starts.add(System.nanoTime());
                            }
                            return Response.text(200, "ok");
                        });
        HttpFetcher f =
                fetcher(
                        config(
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(5),
                                1_000_000,
                                Duration.ofMillis(300),
                                List.of("127.0.0.1")));

        for (int i = 0; i < 3; i++) {
            f.fetch(FetchRequest.of(s.uri("/p" + i)));
        }

        assertThat(starts).hasSize(3);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(290));
        }
    }

    @Test
    void obeysRobotsTxtAndCachesIt() throws IOException {
        ConcurrentHashMap<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        LoopbackHttpServer s =
                LoopbackHttpServer.start(
                        r -> {
                            hits.computeIfAbsent(r.path(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (r.path().equals("/robots.txt")) {
                                return Response.text(
                                        200,
                                        "User-agent: *\nDisallow: /\n\nUser-agent: Vigil\n"
                                                + "Disallow: /private\n",
                                        "Content-Type",
                                        "text/plain");
                            }
                            return Response.text(200, "ok");
                        });
        closeables.add(s);
        HttpFetcher f = fetcher();

        assertThat(f.fetch(FetchRequest.of(s.uri("/private/feed"))).outcome())
                .isEqualTo(FetchOutcome.ROBOTS_DISALLOWED);
        assertThat(f.fetch(FetchRequest.of(s.uri("/public/feed"))).outcome())
                .isEqualTo(FetchOutcome.OK);
        assertThat(hits.get("/robots.txt").get()).isEqualTo(1);
        assertThat(hits).doesNotContainKey("/private/feed");
    }

    @Test
    void robotsServerErrorDisallowsAndClientErrorAllows() throws IOException {
        LoopbackHttpServer failing =
                LoopbackHttpServer.start(
                        r ->
                                r.path().equals("/robots.txt")
                                        ? Response.text(503, "down")
                                        : Response.text(200, "ok"));
        closeables.add(failing);
        HttpFetcher f = fetcher();

        assertThat(f.fetch(FetchRequest.of(failing.uri("/feed"))).outcome())
                .isEqualTo(FetchOutcome.ROBOTS_UNREACHABLE);

        LoopbackHttpServer forbidden =
                LoopbackHttpServer.start(
                        r ->
                                r.path().equals("/robots.txt")
                                        ? Response.text(403, "no")
                                        : Response.text(200, "ok"));
        closeables.add(forbidden);
        assertThat(fetcher().fetch(FetchRequest.of(forbidden.uri("/feed"))).outcome())
                .isEqualTo(FetchOutcome.OK);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
