package io.vigil.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.feed.FeedHealth;
import io.vigil.core.feed.FeedState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    static FeedState feed(String id, FeedHealth health, int errors, String error) {
        return new FeedState(
                FeedState.SCHEMA,
                id,
                URI.create("https://example.org/" + id),
                health,
                errors,
                error,
                null,
                null,
                null,
                null,
                Duration.ofMinutes(15),
                Instant.parse("2026-11-26T12:00:00Z"),
                List.of(),
                List.of());
    }

    @Test
    void rendersRatesLagDeadLettersFeedsAndCounts() {
        Instant t0 = Instant.parse("2026-11-26T12:00:00Z");
        PipelineSnapshot before =
                new PipelineSnapshot(
                        t0,
                        Map.of("vigil-dedup", new PipelineSnapshot.Group(100, 5)),
                        Map.of(),
                        List.of(),
                        0,
                        0,
                        0,
                        List.of());
        PipelineSnapshot now =
                new PipelineSnapshot(
                        t0.plusSeconds(2),
                        Map.of("vigil-dedup", new PipelineSnapshot.Group(140, 3)),
                        Map.of("crawler", 7L),
                        List.of(
                                feed("a", FeedHealth.OK, 0, null),
                                feed("b", FeedHealth.FAILING, 12, "HTTP 503"),
                                feed("c", FeedHealth.FAILING, 2, "timeout")),
                        4,
                        1234,
                        1,
                        List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StatusCommand.render(
                before,
                now,
                "k:9092",
                "http://es",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("vigil-dedup\\s+3\\s+20\\.0");
        assertThat(text).contains("dead letters: crawler=7");
        assertThat(text).contains("feeds (3): OK=1 FAILING=2");
        assertThat(text.indexOf("  b ")).isLessThan(text.indexOf("  c "));
        assertThat(text).contains("HTTP 503");
        assertThat(text).contains("articles indexed: today 4, total 1234");
        assertThat(text).contains("alerts delivered today: 1");
    }
}
