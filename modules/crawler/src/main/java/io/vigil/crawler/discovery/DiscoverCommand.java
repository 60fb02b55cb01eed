package io.vigil.crawler.discovery;

import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.http.HttpFetcher;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vigil discover <site-url>... [--allow ADDRESS]}: prints the feeds of each site, one per
 * line ({@code url, format, entries, title}, tab-separated). Exit code 0 when every site has a
 * feed, 1 when one has none, 2 on a usage error.
 */
public final class DiscoverCommand {

    private DiscoverCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<URI> sites = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--allow") && i + 1 < args.size()) {
                allowed.add(args.get(++i));
            } else if (arg.startsWith("--")) {
                err.println("vigil discover: unknown option " + arg);
                return 2;
            } else {
                try {
                    URI uri = URI.create(arg.contains("://") ? arg : "https://" + arg);
                    if (uri.getHost() == null) {
                        throw new IllegalArgumentException("no host");
                    }
                    sites.add(uri);
                } catch (IllegalArgumentException e) {
                    err.println("vigil discover: not a URL: " + arg);
                    return 2;
                }
            }
        }
        if (sites.isEmpty()) {
            err.println("usage: vigil discover <site-url>... [--allow ADDRESS]");
            return 2;
        }
        CrawlerProperties.Http http =
                CrawlerProperties.Http.defaults().withAllowedAddresses(allowed);
        int code = 0;
        try (HttpFetcher fetcher = new HttpFetcher(http)) {
            FeedDiscoverer discoverer = new FeedDiscoverer(fetcher);
            for (URI site : sites) {
                FeedDiscoverer.Discovery found = discoverer.discover(site);
                if (found.feeds().isEmpty()) {
                    err.println(site + ": " + found.problem());
                    code = 1;
                }
                for (FeedDiscoverer.Found f : found.feeds()) {
                    out.println(
                            f.url()
                                    + "\t"
                                    + f.format()
                                    + "\t"
                                    + f.entries()
                                    + " entries\t"
                                    + (f.title() == null ? "" : f.title()));
                }
            }
        }
        return code;
    }
}
