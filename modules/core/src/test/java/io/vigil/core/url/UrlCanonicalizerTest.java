package io.vigil.core.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(UrlCanonicalizer.canonicalize(URI.create("http://example.com/amp/")))
                .hasToString("http://example.com/");
    }

    @ParameterizedTest
    @CsvSource({
        "https://www.example.com/world/story-1/amp/, https://www.example.com/world/story-1",
        "https://www.example.com/amp/world/story-1, https://www.example.com/world/story-1",
        "https://www.example.com/world/story-1?amp=1, https://www.example.com/world/story-1",
        "https://www.example.com/world/story-1?amp, https://www.example.com/world/story-1",
        "https://www.example.com/world/story-1?outputType=amp, https://www.example.com/world/story-1",
        "https://www.example.com/world/story-1.amp.html, https://www.example.com/world/story-1.html",
        "https://amp.example.com/world/story-1, https://www.example.com/world/story-1",
        "https://m.example.co.uk/world/story-1, https://www.example.co.uk/world/story-1",
        "https://mobile.example.com/world/story-1, https://www.example.com/world/story-1",
        "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/world/story-1/amp,"
                + " https://www.example.com/world/story-1",
        "http://Example.com:80/a/./b/../c/, http://example.com/a/c",
        "https://example.com:8443/a?z=1&y=2&gclid=x&utm_campaign=c&pk_source=p,"
                + " https://example.com:8443/a?y=2&z=1",
        "https://example.com/a?id=5#top, https://example.com/a?id=5",
    })
    void mapsVariantsToTheCanonicalPage(String variant, String canonical) {
        assertThat(UrlCanonicalizer.canonicalize(URI.create(variant))).hasToString(canonical);
    }

    @Test
    void keepsHostsThatOnlyLookLikeVariants() {
        assertThat(UrlCanonicalizer.canonicalize(URI.create("https://m.com/a")))
                .hasToString("https://m.com/a");
        assertThat(UrlCanonicalizer.canonicalize(URI.create("https://media.example.com/a")))
                .hasToString("https://media.example.com/a");
        assertThat(UrlCanonicalizer.canonicalize(URI.create("https://example.com/lamp/champ")))
                .hasToString("https://example.com/lamp/champ");
    }

    @Test
    void oneArticleWhateverTheVariant() {
        String id = ArticleIds.of(URI.create("https://www.example.com/world/story-1"));
        for (String variant :
                new String[] {
                    "http://www.example.com/world/story-1",
                    "https://example.com/world/story-1/",
                    "https://m.example.com/world/story-1?utm_source=twitter&fbclid=1",
                    "https://amp.example.com/world/story-1",
                    "https://www.example.com/amp/world/story-1#section",
                    "https://WWW.EXAMPLE.COM:443/world/story-1?amp=1"
                }) {
            assertThat(ArticleIds.of(URI.create(variant))).as(variant).isEqualTo(id);
        }
        assertThat(ArticleIds.of(URI.create("https://www.example.com/world/story-2")))
                .isNotEqualTo(id);
        assertThat(ArticleIds.of(URI.create("https://www.example.org/world/story-1")))
                .isNotEqualTo(id);
        assertThat(ArticleIds.of(URI.create("https://www.example.com/world/story-1?page=2")))
                .isNotEqualTo(id);
    }

    @Test
    void theFetchAddressKeepsTheHostButLosesTracking() {
        assertThat(
                        UrlCanonicalizer.withoutTracking(
                                URI.create(
                                        "https://M.Example.com:443/amp/story?utm_source=rss&id=4#top")))
                .hasToString("https://m.example.com/amp/story?id=4");
    }
}
