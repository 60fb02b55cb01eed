package io.vigil.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CrawlerPropertiesTest {

    @Test
    void defaultsAreUsable() {
        CrawlerProperties.Http http = CrawlerProperties.defaults().http();

        assertThat(http.userAgent()).isEqualTo("Vigil/0.1 (+https://vigil.example.org/about)");
        assertThat(http.robotsAgentName()).isEqualTo("Vigil");
        assertThat(http.maxRedirects()).isEqualTo(5);
        assertThat(http.maxBodySize()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(http.allowedAddresses()).isEmpty();
    }

    @Test
    void userAgentNamesTheConfiguredContact() {
        CrawlerProperties.Http http =
                new CrawlerProperties.Http(
                        URI.create("https://ngo.example/crawler"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("127.0.0.1"));

        assertThat(http.userAgent()).isEqualTo("Vigil/0.1 (+https://ngo.example/crawler)");
        assertThat(http.withAllowedAddresses(List.of()).allowedAddresses()).isEmpty();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(
                        () ->
                                new CrawlerProperties.Http(
                                        null,
                                        null,
                                        Duration.ZERO,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new CrawlerProperties.Http(
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        Duration.ofSeconds(-1),
                                        null,
                                        null,
                                        null,
                                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
