package io.vigil.crawler.http;

import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.politeness.HostPoliteness;
import io.vigil.crawler.politeness.RobotsCache;
import io.vigil.crawler.politeness.RobotsResponse;
import io.vigil.crawler.politeness.RobotsVerdict;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crawler's one HTTP layer: blocking, thread-safe GETs with politeness (robots.txt, one request
 * per host at a time, minimum delay, back-off), address blocking on every hop, manual redirects,
 * gzip/deflate, timeouts and a body limit. Every failure of the remote side is a {@link
 * FetchOutcome}; only programming or infrastructure errors throw.
 */
public final class HttpFetcher implements AutoCloseable {

    private final CrawlerProperties.Http config;
    private final ExecutorService executor;
    private final Exchange exchange;
    private final AddressPolicy addresses;
    private final HostPoliteness politeness;
    private final RobotsCache robots;
    private final Clock clock;

    public HttpFetcher(CrawlerProperties.Http config) {
        this(config, Clock.systemUTC());
    }

    public HttpFetcher(CrawlerProperties.Http config, Clock clock) {
        this.config = config;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "vigil-http-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        HttpClient client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(config.connectTimeout())
                        .executor(executor)
                        .build();
        this.exchange = new Exchange(client, config);
        this.addresses = new AddressPolicy(config.allowedAddresses());
        this.politeness = new HostPoliteness(config.minDelayPerHost(), config.maxBackoff(), clock);
        this.robots =
                new RobotsCache(
                        config.robotsAgentName(),
                        config.robotsTtl(),
                        config.maxCrawlDelay(),
                        this::fetchRobots,
                        clock);
    }

    /** Fetches one URL, obeying robots.txt and per-host politeness (may block for them). */
    public FetchResult fetch(FetchRequest request) {
        return run(request, true);
    }

    private FetchResult run(FetchRequest request, boolean obeyRobots) {
        URI requested = request.url();
        URI url = UrlText.forRequest(requested);
        if (url == null) {
            return FetchResult.failure(
                    requested,
                    requested,
                    FetchOutcome.INVALID_URL,
                    "not an absolute http(s) URL: " + requested);
        }
        long start = System.nanoTime();
        long[] waited = {0};
        Set<URI> seen = new HashSet<>();
        seen.add(url);
        boolean allPermanent = true;
        int redirects = 0;
        try {
            while (true) {
                long deadline = start + config.totalTimeout().toNanos();
                HopResult hop = hop(url, request, deadline, obeyRobots, waited);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start - waited[0]);
                if (hop.result != null) {
                    return finish(
                            hop.result.withElapsed(elapsed), requested, redirects, allPermanent);
                }
                Exchange.Hop h = hop.response;
                String location = h.header("Location");
                if (isRedirect(h.status()) && location != null) {
                    URI next = UrlText.resolve(url, location);
                    if (next == null) {
                        return FetchResult.failure(
                                        requested,
                                        url,
                                        FetchOutcome.INVALID_URL,
                                        "bad redirect Location: " + location)
                                .withElapsed(elapsed);
                    }
                    if (redirects >= config.maxRedirects()) {
                        return FetchResult.failure(
                                        requested,
                                        next,
                                        FetchOutcome.TOO_MANY_REDIRECTS,
                                        "more than " + config.maxRedirects() + " redirects")
                                .withElapsed(elapsed);
                    }
                    if (!seen.add(next)) {
                        return FetchResult.failure(
                                        requested,
                                        next,
                                        FetchOutcome.TOO_MANY_REDIRECTS,
                                        "redirect loop at " + next)
                                .withElapsed(elapsed);
                    }
                    allPermanent &= h.status() == 301 || h.status() == 308;
                    redirects++;
                    url = next;
                    continue;
                }
                return finish(
                        toResult(requested, url, h, elapsed), requested, redirects, allPermanent);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.failure(requested, url, FetchOutcome.NETWORK_ERROR, "interrupted");
        }
    }

    private record HopResult(Exchange.Hop response, FetchResult result) {}

    private HopResult hop(
            URI url, FetchRequest request, long deadline, boolean obeyRobots, long[] waited)
            throws InterruptedException {
        String host = url.getHost();
        String refusal;
        try {
            refusal = addresses.refusal(Arrays.asList(InetAddress.getAllByName(host)));
        } catch (UnknownHostException e) {
            return new HopResult(
                    null,
                    FetchResult.failure(
                            request.url(),
                            url,
                            FetchOutcome.NETWORK_ERROR,
                            "unknown host " + host));
        }
        if (refusal != null) {
            return new HopResult(
                    null,
                    FetchResult.failure(request.url(), url, FetchOutcome.ADDRESS_BLOCKED, refusal));
        }
        Duration crawlDelay = null;
        if (obeyRobots) {
            long before = System.nanoTime();
            RobotsVerdict verdict = robots.check(url);
            waited[0] += System.nanoTime() - before;
            if (!verdict.allowed()) {
                return new HopResult(
                        null,
                        FetchResult.failure(
                                request.url(),
                                url,
                                verdict.unreachable()
                                        ? FetchOutcome.ROBOTS_UNREACHABLE
                                        : FetchOutcome.ROBOTS_DISALLOWED,
                                verdict.reason()));
            }
            crawlDelay = verdict.crawlDelay();
        }
        long before = System.nanoTime();
        try (HostPoliteness.Permit permit = politeness.acquire(host, crawlDelay)) {
            waited[0] += System.nanoTime() - before;
            Duration backoff = politeness.backoffRemaining(host);
            if (!backoff.isZero()) {
                return new HopResult(
                        null,
                        new FetchResult(
                                request.url(),
                                url,
                                FetchOutcome.RATE_LIMITED,
                                0,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                backoff,
                                "host backing off after 429/503"));
            }
            Exchange.Hop h = exchange.send(url, request, deadline + waited[0]);
            politeness.recordResponse(
                    host, h.status(), RetryAfter.parse(h.header("Retry-After"), clock));
            if (h.failure() != null) {
                return new HopResult(
                        null, FetchResult.failure(request.url(), url, h.failure(), h.detail()));
            }
            return new HopResult(h, null);
        }
    }

    private FetchResult toResult(URI requested, URI url, Exchange.Hop h, Duration elapsed) {
        Duration retryAfter = RetryAfter.parse(h.header("Retry-After"), clock);
        FetchOutcome outcome = FetchOutcome.fromHttpStatus(h.status());
        if (h.status() == 503 && retryAfter != null) {
            outcome = FetchOutcome.RATE_LIMITED;
        }
        if (outcome == FetchOutcome.RATE_LIMITED && retryAfter == null) {
            retryAfter = politeness.backoffRemaining(url.getHost());
        }
        String contentType = h.header("Content-Type");
        byte[] body = outcome == FetchOutcome.OK ? h.body() : null;
        return new FetchResult(
                requested,
                url,
                outcome,
                h.status(),
                null,
                h.header("ETag"),
                h.header("Last-Modified"),
                contentType,
                body == null ? null : CharsetSniffer.detect(body, contentType),
                body,
                elapsed,
                retryAfter,
                "HTTP " + h.status());
    }

    private static FetchResult finish(
            FetchResult r, URI requested, int redirects, boolean allPermanent) {
        // Only a move that led somewhere usable is worth recording in place of the old URL.
        boolean usable = r.outcome() == FetchOutcome.OK || r.outcome() == FetchOutcome.NOT_MODIFIED;
        if (redirects > 0 && allPermanent && usable) {
            return r.withMovedPermanentlyTo(r.finalUrl());
        }
        return r;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private RobotsResponse fetchRobots(URI robotsUrl) {
        FetchResult r = run(FetchRequest.of(robotsUrl), false);
        RobotsResponse.Availability availability =
                switch (r.outcome()) {
                    case OK -> RobotsResponse.Availability.FETCHED;
                    case SERVER_ERROR, RATE_LIMITED, TIMEOUT, NETWORK_ERROR, ADDRESS_BLOCKED ->
                            RobotsResponse.Availability.UNREACHABLE;
                    default -> RobotsResponse.Availability.UNAVAILABLE;
                };
        return new RobotsResponse(
                availability, r.body(), r.contentType(), r.outcome() + ": " + r.detail());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
