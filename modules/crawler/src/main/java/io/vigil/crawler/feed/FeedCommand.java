package io.vigil.crawler.feed;

import io.vigil.core.json.Json;
import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.http.FetchOutcome;
import io.vigil.crawler.http.FetchRequest;
import io.vigil.crawler.http.FetchResult;
import io.vigil.crawler.http.HttpFetcher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code vigil feed <url|file> [--allow ADDRESS]}: fetches a feed through the crawler's HTTP layer
 * (its limits and address checks) or reads a file, parses it exactly as the crawler does, and
 * prints JSON Lines: first the feed ({@code type, title, link, language, format}), then one line
 * per entry in document order ({@code type, id, title, link, published, authors, summary,
 * categories}; {@code published} as ISO-8601 or null). A feed that cannot be fetched or parsed
 * exits with 1 and one line on stderr saying why; a usage error with 2.
 */
public final class FeedCommand {

    private FeedCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String target = null;
        List<String> allowed = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--allow") && i + 1 < args.size()) {
                allowed.add(args.get(++i));
            } else if (arg.startsWith("--") || target != null) {
                err.println("usage: vigil feed <url|file> [--allow ADDRESS]");
                return 2;
            } else {
                target = arg;
            }
        }
        if (target == null) {
            err.println("usage: vigil feed <url|file> [--allow ADDRESS]");
            return 2;
        }
        ParsedFeed feed;
        Path file = Path.of(target);
        if (!target.contains("://") && Files.isRegularFile(file)) {
            try {
                feed = FeedParser.parse(Files.readAllBytes(file), null, null, file.toUri());
            } catch (IOException e) {
                err.println("vigil feed: cannot read " + file + ": " + e.getMessage());
                return 1;
            }
        } else {
            URI url;
            try {
                url = URI.create(target.contains("://") ? target : "https://" + target);
                if (url.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
            } catch (IllegalArgumentException e) {
                err.println("vigil feed: neither a file nor a URL: " + target);
                return 2;
            }
            CrawlerProperties.Http http =
                    CrawlerProperties.Http.defaults().withAllowedAddresses(allowed);
            try (HttpFetcher fetcher = new HttpFetcher(http)) {
                FetchResult fetched = fetcher.fetch(FetchRequest.of(url));
                if (fetched.outcome() != FetchOutcome.OK) {
                    err.println(
                            "vigil feed: "
                                    + url
                                    + ": "
                                    + fetched.outcome()
                                    + (fetched.detail() == null ? "" : ": " + fetched.detail()));
                    return 1;
                }
                feed =
                        FeedParser.parse(
                                fetched.body(),
                                fetched.contentType(),
                                fetched.charset(),
                                fetched.finalUrl());
            }
        }
        if (!feed.outcome().usable()) {
            err.println(
                    "vigil feed: "
                            + target
                            + ": "
                            + feed.outcome()
                            + (feed.detail() == null ? "" : ": " + feed.detail()));
            return 1;
        }
        print(feed, out);
        return 0;
    }

    private static void print(ParsedFeed feed, PrintStream out) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("type", "feed");
        head.put("title", feed.title());
        head.put("link", feed.link() == null ? null : feed.link().toString());
        head.put("language", feed.language());
        head.put("format", feed.format().name().toLowerCase(java.util.Locale.ROOT));
        out.println(json(head));
        for (ParsedEntry e : feed.entries()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "entry");
            line.put("id", e.id());
            line.put("title", e.title());
            line.put("link", e.link() == null ? null : e.link().toString());
            line.put("published", e.published() == null ? null : e.published().toString());
            line.put("authors", e.authors());
            line.put("summary", e.summary());
            line.put("categories", e.categories());
            out.println(json(line));
        }
    }

    private static String json(Map<String, Object> value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
