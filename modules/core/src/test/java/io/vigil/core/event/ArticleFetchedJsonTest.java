package io.vigil.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.kafka.JsonSerde;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleFetchedJsonTest {

    static ArticleFetched article(boolean backfill) {
        URI url = URI.create("https://example.org/a");
        return new ArticleFetched(
                ArticleFetched.SCHEMA,
                "id",
                null,
                url,
                url,
                url,
                "Title",
                "Text",
                List.of(),
                Instant.parse("2024-03-01T00:00:00Z"),
                null,
                "en",
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                new ArticleFetched.Fetch(
                        200, "text/html", 4, Instant.parse("2026-11-26T00:00:00Z"), null),
                backfill);
    }

    @Test
    void theBackfillFlagRoundTripsAndDefaultsToFalse() {
        JsonSerde<ArticleFetched> serde = JsonSerde.of(ArticleFetched.class);
        assertThat(serde.deserialize("t", serde.serialize("t", article(true))).backfill()).isTrue();
        assertThat(serde.deserialize("t", serde.serialize("t", article(false))))
                .isEqualTo(article(false));
        String older =
                new String(serde.serialize("t", article(false)), StandardCharsets.UTF_8)
                        .replace(",\"backfill\":false", "");
        assertThat(older).doesNotContain("backfill");
        assertThat(serde.deserialize("t", older.getBytes(StandardCharsets.UTF_8)).backfill())
                .isFalse();
    }
}
