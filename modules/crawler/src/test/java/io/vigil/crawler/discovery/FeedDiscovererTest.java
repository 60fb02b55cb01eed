package io.vigil.crawler.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.demo.DemoSite;
import io.vigil.crawler.http.HttpFetcher;
import io.vigil.testkit.SourceTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedDiscovererTest {

    @Test
    void findsAlternateLinksTheFeedItselfAndCommonPaths(@TempDir Path tmp) throws Exception {
        Path site = SourceTree.find(Path.of("seeds", "demo", "site"));
        try (DemoSite demo = DemoSite.start(site, 0)) {
            String base = demo.baseUri().toString();
            Run page = run(base + "/harbour-daily/", "--allow", "127.0.0.1");
            assertThat(page.code).isZero();
            assertThat(page.out)
                    .contains(base + "/harbour-daily/rss.xml\tRSS_200\t4 entries\tHarbour Daily");

            Run feed = run(base + "/continental-wire/atom.xml", "--allow", "127.0.0.1");
            assertThat(feed.out).contains("ATOM_10\t2 entries");
        }
        Files.createDirectories(tmp.resolve("blog"));
        Files.writeString(
                tmp.resolve("blog/index.html"), "<html><body>No links here</body></html>");
        Files.copy(site.resolve("rights-monitor/rss.xml"), tmp.resolve("rss.xml"));
        CrawlerProperties.Http fast =
                CrawlerProperties.Http.defaults()
                        .withMinDelayPerHost(Duration.ZERO)
                        .withAllowedAddresses(List.of("127.0.0.1"));
        try (DemoSite bare = DemoSite.start(tmp, 0);
                HttpFetcher fetcher = new HttpFetcher(fast)) {
            FeedDiscoverer.Discovery found =
                    new FeedDiscoverer(fetcher).discover(URI.create(bare.baseUri() + "/blog/"));
            assertThat(found.feeds())
                    .singleElement()
                    .satisfies(f -> assertThat(f.url()).hasToString(bare.baseUri() + "/rss.xml"));
        }
    }

    @Test
    void refusesPrivateAddressesUnlessAllowedAndExplainsEmptyResults() throws Exception {
        Path site = SourceTree.find(Path.of("seeds", "demo", "site"));
        try (DemoSite demo = DemoSite.start(site, 0)) {
            Run blocked = run(demo.baseUri() + "/harbour-daily/");
            assertThat(blocked.code).isEqualTo(1);
            assertThat(blocked.err).contains("ADDRESS_BLOCKED");
        }
        assertThat(run().code).isEqualTo(2);
        assertThat(run("http://").code).isEqualTo(2);
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                DiscoverCommand.run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
