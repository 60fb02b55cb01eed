package io.vigil.crawler;

import io.vigil.crawler.feed.FeedSettings;
import io.vigil.crawler.schedule.ScheduleSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the crawler stage ({@code vigil.crawler.*}). Every value has a default in code, so an
 * empty configuration is a working one. Further groups (feed scheduling, page fetching) are added
 * as further nested records.
 *
 * @param http the one HTTP layer used for feeds, robots.txt and article pages
 * @param feeds how feeds are loaded, split between instances and polled
 * @param schedule how often feeds are polled
 * @param demo the offline demo site ({@code ./vigil demo})
 */
@Validated
@ConfigurationProperties("vigil.crawler")
public record CrawlerProperties(
        @Valid Http http, FeedSettings feeds, ScheduleSettings schedule, Demo demo) {

    public CrawlerProperties {
        http = http == null ? Http.defaults() : http;
        feeds = feeds == null ? FeedSettings.defaults() : feeds;
        schedule = schedule == null ? ScheduleSettings.defaults() : schedule;
        demo = demo == null ? new Demo(null, null, null) : demo;
    }

    /** All defaults. */
    public static CrawlerProperties defaults() {
        return new CrawlerProperties(null, null, null, null);
    }

    /**
     * The offline demo: a local site serving the demo corpus, which the demo feeds point at.
     *
     * @param enabled whether to serve it; default false ({@code ./vigil demo} turns it on)
     * @param root the corpus directory; default {@code seeds/demo/site}
     * @param port the port on 127.0.0.1; default 8089 (the demo feed list uses it)
     */
    public record Demo(Boolean enabled, Path root, Integer port) {
        public Demo {
            enabled = enabled != null && enabled;
            root = root == null ? Path.of("seeds", "demo", "site") : root;
            port = port == null ? 8089 : port;
        }
    }

    /**
     * The HTTP client and politeness settings.
     *
     * @param contactUrl page that tells site owners who runs this crawler and how to reach them; it
     *     goes into the User-Agent
     * @param userAgentProduct product token at the start of the User-Agent, e.g. {@code Vigil/0.1}
     * @param connectTimeout how long to wait for a TCP (and TLS) connection
     * @param readTimeout longest silence allowed while waiting for headers or body bytes
     * @param totalTimeout longest a whole fetch may take, redirects included (politeness waits
     *     excluded)
     * @param maxBodySize largest body accepted, compressed and decompressed; larger ones end as
     *     {@code TOO_LARGE} without being buffered further
     * @param maxRedirects how many redirects one fetch follows
     * @param minDelayPerHost least time between the start of two requests to the same host
     * @param maxCrawlDelay cap on a robots.txt {@code Crawl-delay}; larger values are cut to this
     * @param maxBackoff cap on how long a host is left alone after 429/503 (with or without {@code
     *     Retry-After})
     * @param robotsTtl how long a fetched robots.txt is trusted before it is fetched again
     * @param allowedAddresses addresses or CIDR blocks that may be fetched although they are
     *     private, loopback or otherwise blocked (tests and the demo allow {@code 127.0.0.1})
     */
    public record Http(
            URI contactUrl,
            @NotBlank String userAgentProduct,
            Duration connectTimeout,
            Duration readTimeout,
            Duration totalTimeout,
            DataSize maxBodySize,
            @Min(0) @Max(20) Integer maxRedirects,
            Duration minDelayPerHost,
            Duration maxCrawlDelay,
            Duration maxBackoff,
            Duration robotsTtl,
            List<String> allowedAddresses) {

        public Http {
            contactUrl =
                    contactUrl == null ? URI.create("https://vigil.example.org/about") : contactUrl;
            userAgentProduct = userAgentProduct == null ? "Vigil/0.1" : userAgentProduct;
            connectTimeout = positive(connectTimeout, Duration.ofSeconds(10), "connectTimeout");
            readTimeout = positive(readTimeout, Duration.ofSeconds(20), "readTimeout");
            totalTimeout = positive(totalTimeout, Duration.ofSeconds(60), "totalTimeout");
            maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(10) : maxBodySize;
            maxRedirects = maxRedirects == null ? 5 : maxRedirects;
            minDelayPerHost = zeroOrMore(minDelayPerHost, Duration.ofSeconds(2), "minDelayPerHost");
            maxCrawlDelay = zeroOrMore(maxCrawlDelay, Duration.ofSeconds(30), "maxCrawlDelay");
            maxBackoff = zeroOrMore(maxBackoff, Duration.ofHours(1), "maxBackoff");
            robotsTtl = zeroOrMore(robotsTtl, Duration.ofHours(24), "robotsTtl");
            allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
            if (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("maxBodySize out of range: " + maxBodySize);
            }
        }

        /** All defaults. */
        public static Http defaults() {
            return new Http(null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** The User-Agent header: product token plus contact URL, e.g. {@code Vigil/0.1 (+url)}. */
        public String userAgent() {
            return userAgentProduct + " (+" + contactUrl + ")";
        }

        /** The robots.txt product token this crawler obeys: the product name without version. */
        public String robotsAgentName() {
            int slash = userAgentProduct.indexOf('/');
            return slash > 0 ? userAgentProduct.substring(0, slash) : userAgentProduct;
        }

        /** A copy with another minimum delay per host (benchmarks and tests use zero). */
        public Http withMinDelayPerHost(Duration delay) {
            return new Http(
                    contactUrl,
                    userAgentProduct,
                    connectTimeout,
                    readTimeout,
                    totalTimeout,
                    maxBodySize,
                    maxRedirects,
                    delay,
                    maxCrawlDelay,
                    maxBackoff,
                    robotsTtl,
                    allowedAddresses);
        }

        /** A copy with another allow-list (tests and benchmarks use {@code 127.0.0.1}). */
        public Http withAllowedAddresses(List<String> addresses) {
            return new Http(
                    contactUrl,
                    userAgentProduct,
                    connectTimeout,
                    readTimeout,
                    totalTimeout,
                    maxBodySize,
                    maxRedirects,
                    minDelayPerHost,
                    maxCrawlDelay,
                    maxBackoff,
                    robotsTtl,
                    addresses);
        }

        private static Duration positive(Duration value, Duration fallback, String name) {
            Duration d = value == null ? fallback : value;
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }

        private static Duration zeroOrMore(Duration value, Duration fallback, String name) {
            Duration d = Objects.requireNonNullElse(value, fallback);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + d);
            }
            return d;
        }
    }
}
