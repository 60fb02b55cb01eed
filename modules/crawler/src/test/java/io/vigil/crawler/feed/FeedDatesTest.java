package io.vigil.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Tue, 06 Jan 2026 08:49:37 GMT|2026-01-06T08:49:37Z",
                "06 Jan 2026 08:49:37 +0000|2026-01-06T08:49:37Z",
                "Tue, 6 Jan 26 08:49 EST|2026-01-06T13:49:00Z",
                "Tue, 06 Jan 2026 08:49:37 -0800 (PST)|2026-01-06T16:49:37Z",
                "Tuesday, 06-Jan-26 08:49:37 PDT|2026-01-06T15:49:37Z",
                "Tue, 06 Jan 2026 08:49:37 Z|2026-01-06T08:49:37Z",
                "Tue, 06 Jan 2026 08:49:37 CEST|2026-01-06T06:49:37Z",
                "Tue Jan  6 08:49:37 2026|2026-01-06T08:49:37Z",
                "2026-01-06T08:49:37Z|2026-01-06T08:49:37Z",
                "2026-01-06T08:49:37.123+05:30|2026-01-06T03:19:37.123Z",
                "2026-01-06T08:49+0100|2026-01-06T07:49:00Z",
                "2026-01-06 08:49:37|2026-01-06T08:49:37Z",
                "20260106T084937Z|2026-01-06T08:49:37Z",
                "2026-01-06|2026-01-06T00:00:00Z",
                "2026-01|2026-01-01T00:00:00Z",
                "Di, 06 Jan 2026 08:49:37 +0100|2026-01-06T07:49:37Z",
                "mar, 06 dic 2025 08:49:37 +0100|2025-12-06T07:49:37Z",
                "6 février 2026 10:00|2026-02-06T10:00:00Z",
                "January 6, 2026 8:49 PM|2026-01-06T20:49:00Z",
                "06 Mai 2026 08:49:37 GMT+2|2026-05-06T06:49:37Z"
            })
    void parsesTheFormsFeedsUse(String text, String expected) {
        assertThat(FeedDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "2026-13-45", "32 Foo 2026"})
    void givesNullForUnreadableDates(String text) {
        assertThat(FeedDates.parse(text)).isNull();
    }
}
