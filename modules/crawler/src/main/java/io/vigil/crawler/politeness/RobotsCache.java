package io.vigil.crawler.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin (scheme, host, port), parsed by crawler-commons and cached with a TTL.
 * Follows RFC 9309: 4xx means allow all; 5xx or an unreachable server means disallow all for now (a
 * previously fetched copy keeps applying meanwhile); Crawl-delay is honoured up to a cap.
 */
public final class RobotsCache {

    private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);

    /** How long an unreachable robots.txt blocks an origin before we ask again. */
    private static final Duration UNREACHABLE_TTL = Duration.ofMinutes(10);

    /** Above this many cached origins, expired entries are dropped. */
    private static final int MAX_ORIGINS = 10_000;

    private final String agentName;
    private final Duration ttl;
    private final Duration maxCrawlDelay;
    private final Function<URI, RobotsResponse> loader;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param agentName the product token we obey (e.g. {@code Vigil})
     * @param loader fetches a robots.txt URL; must not consult this cache
     */
    public RobotsCache(
            String agentName,
            Duration ttl,
            Duration maxCrawlDelay,
            Function<URI, RobotsResponse> loader,
            Clock clock) {
        this.agentName = agentName.toLowerCase(Locale.ROOT);
        this.ttl = ttl;
        this.maxCrawlDelay = maxCrawlDelay;
        this.loader = loader;
        this.clock = clock;
    }

    /** Whether {@code url} may be fetched, loading the origin's robots.txt when needed. */
    public RobotsVerdict check(URI url) {
        String origin = origin(url);
        Entry entry = current(origin);
        if (entry == null) {
            synchronized (locks.computeIfAbsent(origin, k -> new Object())) {
                entry = current(origin);
                if (entry == null) {
                    entry = load(origin);
                    if (cache.size() > MAX_ORIGINS) {
                        Instant now = clock.instant();
                        cache.values().removeIf(e -> !e.expires.isAfter(now));
                    }
                    cache.put(origin, entry);
                }
            }
        }
        if (entry.unreachable != null) {
            return new RobotsVerdict(
                    false,
                    null,
                    "robots.txt unreachable (" + entry.unreachable + "); disallow all for now",
                    true);
        }
        Duration delay = null;
        long ms = entry.rules.getCrawlDelay();
        if (ms != BaseRobotRules.UNSET_CRAWL_DELAY && ms > 0) {
            delay = Duration.ofMillis(ms);
            if (delay.compareTo(maxCrawlDelay) > 0) {
                delay = maxCrawlDelay;
            }
        }
        boolean allowed = entry.rules.isAllowed(url.toString());
        return new RobotsVerdict(
                allowed, delay, allowed ? null : "disallowed by robots.txt", false);
    }

    private Entry current(String origin) {
        Entry e = cache.get(origin);
        return e != null && e.expires.isAfter(clock.instant()) ? e : null;
    }

    private Entry load(String origin) {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        RobotsResponse response = loader.apply(robotsUrl);
        Instant now = clock.instant();
        switch (response.availability()) {
            case FETCHED -> {
                // No parser-side cap (it would turn a long Crawl-delay into "disallow all"):
                // we honour the delay up to our own cap instead.
                SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
                BaseRobotRules rules =
                        parser.parseContent(
                                robotsUrl.toString(),
                                response.body(),
                                response.contentType() == null
                                        ? "text/plain"
                                        : response.contentType(),
                                List.of(agentName));
                LOG.debug("robots.txt for {} loaded", origin);
                return new Entry(rules, null, now.plus(ttl));
            }
            case UNAVAILABLE -> {
                return new Entry(
                        new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL),
                        null,
                        now.plus(ttl));
            }
            default -> {
                Entry previous = cache.get(origin);
                Duration retry = UNREACHABLE_TTL.compareTo(ttl) < 0 ? UNREACHABLE_TTL : ttl;
                LOG.debug("robots.txt for {} unreachable", origin);
                if (previous != null && previous.unreachable == null) {
                    return new Entry(previous.rules, null, now.plus(retry));
                }
                String why = response.detail() == null ? "unreachable" : response.detail();
                return new Entry(null, why, now.plus(retry));
            }
        }
    }

    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        return scheme + "://" + host + (port < 0 ? "" : ":" + port);
    }

    /** Cached rules, or (when {@code unreachable} is set) why robots.txt could not be read. */
    private record Entry(BaseRobotRules rules, String unreachable, Instant expires) {}
}
