package io.vigil.core.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @Test
    void removesTrackingFragmentsDefaultPortsAndSortsTheQuery() {
        assertThat(
                        UrlCanonicalizer.canonicalize(
                                URI.create(
                                        "HTTPS://News.Example.COM:443/world/story/?b=2&utm_source=x&a=1&fbclid=abc#comments")))
                .hasToString("https://news.example.com/world/story?a=1&b=2");
    }

    @Test
    void theSameArticleGetsTheSameId() {
        assertThat(ArticleIds.of(URI.create("https://example.com/a/?utm_medium=rss")))
                .isEqualTo(ArticleIds.of(URI.create("https://EXAMPLE.com/a")))
                .hasSize(32)
                .isNotEqualTo(ArticleIds.of(URI.create("https://example.com/b")));
    }

    @Test
    void keepsTheRootPath() {
        assertThat(UrlCanonicalizer.canonicalize(URI.create("http://example.com")))
                .hasToString("http://example.com/");
    }
}
