package io.vigil.api.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.feed.Feed;
import io.vigil.core.feed.FeedHealth;
import io.vigil.core.feed.FeedState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedCatalogTest {

    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    private static FeedState state(FeedHealth health, Instant polled, String error) {
        return new FeedState(
                FeedState.SCHEMA,
                "f",
                URI.create("https://f.example/rss"),
                health,
                health == FeedHealth.FAILING ? 1 : 0,
                error,
                null,
                null,
                polled,
                null,
                Duration.ofMinutes(30),
                polled.plusSeconds(1800),
                List.of(),
                List.of());
    }

    @Test
    void aFailingSpellCoversThePeriodsItOverlaps() {
        FeedCatalog catalog = new FeedCatalog();
        catalog.put(
                "f",
                new Feed(
                        Feed.SCHEMA,
                        "f",
                        URI.create("https://f.example/rss"),
                        "F News",
                        null,
                        null,
                        null,
                        null));
        catalog.put("f", state(FeedHealth.OK, T, null));
        catalog.put("f", state(FeedHealth.FAILING, T.plus(Duration.ofDays(2)), "HTTP 500"));
        catalog.put("f", state(FeedHealth.FAILING, T.plus(Duration.ofDays(3)), "timeout"));
        catalog.put("f", state(FeedHealth.OK, T.plus(Duration.ofDays(4)), null));

        FeedCoverage during =
                catalog.coverage(T.plus(Duration.ofDays(1)), T.plus(Duration.ofDays(5)));
        assertThat(during.failing()).hasSize(1);
        FeedCoverage.FailingFeed f = during.failing().get(0);
        assertThat(f.name()).isEqualTo("F News");
        assertThat(f.since()).isEqualTo(T.plus(Duration.ofDays(2)));
        assertThat(f.until()).isEqualTo(T.plus(Duration.ofDays(4)));
        assertThat(f.lastError()).isEqualTo("timeout");
        assertThat(during.note()).contains("not silence");

        assertThat(catalog.coverage(T, T.plus(Duration.ofDays(1))).failing()).isEmpty();
        assertThat(
                        catalog.coverage(T.plus(Duration.ofDays(5)), T.plus(Duration.ofDays(6)))
                                .failing())
                .isEmpty();
        assertThat(catalog.lastSuccess("f")).isEqualTo(T.plus(Duration.ofDays(4)));
    }

    @Test
    void aFeedFirstSeenFailingHasAnUnknownStartAndIsStillFailing() {
        FeedCatalog catalog = new FeedCatalog();
        catalog.put("f", state(FeedHealth.FAILING, T, "HTTP 404"));
        FeedCoverage c =
                catalog.coverage(T.minus(Duration.ofDays(30)), T.minus(Duration.ofDays(29)));
        assertThat(c.failing()).hasSize(1);
        assertThat(c.failing().get(0).since()).isNull();
        assertThat(c.failing().get(0).until()).isNull();
    }
}
