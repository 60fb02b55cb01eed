package io.vigil.api.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.api.source.FeedCatalog;
import io.vigil.core.search.InvalidQueryException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendControllerTest {

    private final TrendController controller =
            new TrendController(
                    null,
                    new FeedCatalog(),
                    Clock.fixed(Instant.parse("2026-03-10T12:34:00Z"), ZoneOffset.UTC));

    private TrendQuery query(String from, String to, String interval, String split) {
        return controller.query(
                List.of("organ", " "),
                null,
                null,
                from,
                to,
                interval,
                split,
                6,
                null,
                null,
                null,
                10);
    }

    @Test
    void defaultsToTheLastThirtyDaysByDay() {
        TrendQuery q = query(null, null, null, null);
        assertThat(q.to()).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
        assertThat(q.from()).isEqualTo(Instant.parse("2026-02-08T13:00:00Z"));
        assertThat(q.interval()).isEqualTo(Interval.DAY);
        assertThat(q.queries()).containsExactly("organ"); // blank queries dropped
        assertThat(q.label(0)).isEqualTo("organ");
    }

    @Test
    void picksAReadableIntervalForThePeriod() {
        assertThat(query("2026-01-01", "2026-01-02", "auto", null).interval())
                .isEqualTo(Interval.HOUR);
        assertThat(query("2025-01-01", "2025-12-31", null, null).interval())
                .isEqualTo(Interval.WEEK);
        assertThat(query("2020-01-01", "2025-12-31", null, "outlet-country").split())
                .isEqualTo(Split.OUTLET_COUNTRY);
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertThatThrownBy(() -> query("2026-01-02", "2026-01-01", null, null))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("before");
        assertThatThrownBy(() -> query("2020-01-01", "2026-01-01", "hour", null))
                .hasMessageContaining("buckets");
        assertThatThrownBy(() -> query(null, null, "fortnight", null))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> query(null, null, null, "colour")).hasMessageContaining("split");
        assertThatThrownBy(
                        () ->
                                controller.query(
                                        List.of("a", "b", "c", "d", "e", "f"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        6,
                                        null,
                                        null,
                                        null,
                                        10))
                .hasMessageContaining("At most 5");
    }
}
