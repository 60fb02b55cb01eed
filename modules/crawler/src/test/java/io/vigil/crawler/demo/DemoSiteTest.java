package io.vigil.crawler.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.feed.Feed;
import io.vigil.crawler.source.FeedSeeds;
import io.vigil.testkit.SourceTree;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoSiteTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheCorpusWithValidatorsAndEveryDemoFeedExists() throws Exception {
        Path seeds = SourceTree.find(Path.of("seeds", "demo"));
        try (DemoSite site = DemoSite.start(seeds.resolve("site"), 0)) {
            FeedSeeds.Load load = FeedSeeds.load(seeds.resolve("feeds.yml"));
            assertThat(load.problems()).isEmpty();
            assertThat(load.feeds()).hasSizeGreaterThanOrEqualTo(5);
            for (Feed feed : load.feeds()) {
                HttpResponse<String> r = get(site, feed.url().getPath(), null);
                assertThat(r.statusCode()).as(feed.id()).isEqualTo(200);
                String etag = r.headers().firstValue("ETag").orElseThrow();
                assertThat(get(site, feed.url().getPath(), etag).statusCode()).isEqualTo(304);
            }
            assertThat(get(site, "/../pom.xml", null).statusCode()).isEqualTo(404);
            assertThat(get(site, "/nothing-here", null).statusCode()).isEqualTo(404);
            assertThat(get(site, "/harbour-daily/", null).body()).contains("Harbour Daily");
        }
    }

    private HttpResponse<String> get(DemoSite site, String path, String etag) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(site.baseUri().resolve(URI.create(path)));
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
