package io.vigil.crawler.discovery;

import io.vigil.crawler.feed.FeedParser;
import io.vigil.crawler.feed.ParsedFeed;
import io.vigil.crawler.http.FetchOutcome;
import io.vigil.crawler.http.FetchRequest;
import io.vigil.crawler.http.FetchResult;
import io.vigil.crawler.http.HttpFetcher;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the feeds of a site: the page itself if it is a feed, its {@code <link rel="alternate">}
 * feeds, feed-like links on the page, and, when those give nothing, the paths where feeds usually
 * live. Every candidate is fetched and parsed; only real feeds are returned.
 */
public final class FeedDiscoverer {

    /** Where feeds usually live, tried only when the page names none. */
    static final List<String> COMMON_PATHS =
            List.of(
                    "/feed",
                    "/rss",
                    "/rss.xml",
                    "/feed.xml",
                    "/atom.xml",
                    "/index.xml",
                    "/feed.json",
                    "/feeds/posts/default",
                    "/?feed=rss2",
                    "/news/rss.xml",
                    "/news-sitemap.xml",
                    "/sitemap_news.xml");

    private static final int MAX_CANDIDATES = 15;

    private final HttpFetcher fetcher;

    public FeedDiscoverer(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** A feed found: its address, what it is, its title and how many entries it holds now. */
    public record Found(URI url, String format, String title, int entries) {}

    /** What discovery found, and a reason when it found nothing. */
    public record Discovery(URI site, List<Found> feeds, String problem) {
        public Discovery {
            feeds = List.copyOf(feeds);
        }
    }

    public Discovery discover(URI site) {
        FetchResult page = fetcher.fetch(FetchRequest.of(site));
        if (page.outcome() != FetchOutcome.OK) {
            return new Discovery(site, List.of(), page.outcome() + ": " + page.detail());
        }
        ParsedFeed itself = parse(page);
        if (itself.outcome().usable()) {
            return new Discovery(site, List.of(found(page.finalUrl(), itself)), null);
        }
        Set<URI> candidates = new LinkedHashSet<>();
        Document html = html(page);
        for (Element link : html.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (type.contains("rss")
                    || type.contains("atom")
                    || type.contains("json")
                    || type.contains("xml")) {
                add(candidates, link.absUrl("href"));
            }
        }
        if (candidates.isEmpty()) {
            for (Element a : html.select("a[href]")) {
                String href = a.absUrl("href");
                String lower = href.toLowerCase(Locale.ROOT);
                if (sameHost(href, page.finalUrl())
                        && (lower.matches(
                                ".*(/feed/?|/rss/?|\\.rss|/atom/?|atom\\.xml|rss\\.xml|feed\\.xml|feed\\.json)(\\?.*)?$"))) {
                    add(candidates, href);
                }
            }
        }
        if (candidates.isEmpty()) {
            for (String path : COMMON_PATHS) {
                candidates.add(page.finalUrl().resolve(path));
            }
        }
        List<Found> feeds = new ArrayList<>();
        for (URI candidate : candidates.stream().limit(MAX_CANDIDATES).toList()) {
            FetchResult fetched = fetcher.fetch(FetchRequest.of(candidate));
            if (fetched.outcome() == FetchOutcome.OK) {
                ParsedFeed parsed = parse(fetched);
                if (parsed.outcome().usable()) {
                    feeds.add(found(fetched.finalUrl(), parsed));
                }
            }
        }
        return new Discovery(
                site,
                feeds,
                feeds.isEmpty() ? "no feed found on the page or at the usual paths" : null);
    }

    private static ParsedFeed parse(FetchResult fetched) {
        return FeedParser.parse(
                fetched.body(), fetched.contentType(), fetched.charset(), fetched.finalUrl());
    }

    private static Document html(FetchResult page) {
        Charset charset = page.charset() != null ? page.charset() : StandardCharsets.UTF_8;
        return Jsoup.parse(new String(page.body(), charset), page.finalUrl().toString());
    }

    private static Found found(URI url, ParsedFeed feed) {
        return new Found(url, feed.format().name(), feed.title(), feed.entries().size());
    }

    private static void add(Set<URI> candidates, String href) {
        try {
            if (!href.isBlank()) {
                candidates.add(URI.create(href));
            }
        } catch (IllegalArgumentException e) {
            // an unusable href is skipped
        }
    }

    private static boolean sameHost(String href, URI page) {
        try {
            String host = URI.create(href).getHost();
            return host != null && host.equalsIgnoreCase(page.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
