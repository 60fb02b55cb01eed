package io.vigil.crawler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-03-05T10:20:30+01:00      | 2024-03-05T09:20:30Z",
                "2024-03-05T10:20:30.123Z       | 2024-03-05T10:20:30.123Z",
                "2024-03-05T10:20:30+0530       | 2024-03-05T04:50:30Z",
                "2024-03-05T10:20:30-05:00      | 2024-03-05T15:20:30Z",
                "2024-03-05 10:20:30            | 2024-03-05T10:20:30Z",
                "2024-03-05 10:20:30 UTC        | 2024-03-05T10:20:30Z",
                "2024-03-05                     | 2024-03-05T00:00:00Z",
                "'Tue, 05 Mar 2024 10:20:30 GMT' | 2024-03-05T10:20:30Z",
                "1709634030                     | 2024-03-05T10:20:30Z",
                "1709634030000                  | 2024-03-05T10:20:30Z"
            })
    void machineDates(String raw, String expected) {
        assertThat(DateParser.parseMachine(raw, ZoneOffset.UTC)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aTimeWithoutZoneTakesThePageOffset() {
        assertThat(DateParser.parseMachine("2024-03-05T10:20:30", ZoneOffset.ofHours(2)))
                .isEqualTo(Instant.parse("2024-03-05T08:20:30Z"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'March 5, 2024 10:30 AM EST'             | 2024-03-05T15:30:00Z",
                "'Updated: Mar. 5, 2024, 9:15 p.m. PDT'   | 2024-03-06T04:15:00Z",
                "'5 March 2024 14:00 CET'                  | 2024-03-05T13:00:00Z",
                "'5. März 2024, 14:00 Uhr'                 | 2024-03-05T14:00:00Z",
                "'le 5 mars 2024 à 14h30'                  | 2024-03-05T14:30:00Z",
                "'5 de marzo de 2024'                      | 2024-03-05T00:00:00Z",
                "'5 марта 2024 г.'                         | 2024-03-05T00:00:00Z",
                "'05.03.2024 08:00'                        | 2024-03-05T08:00:00Z",
                "'2024年3月5日 10:00'                       | 2024-03-05T10:00:00Z",
                "'2024년 3월 5일'                           | 2024-03-05T00:00:00Z",
                "'Published 2024/03/05 18:45 GMT+2'        | 2024-03-05T16:45:00Z"
            })
    void datesWrittenForPeople(String text, String expected) {
        assertThat(DateParser.parseText(text, ZoneOffset.UTC, false))
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void slashedDatesFollowTheRegion() {
        assertThat(DateParser.parseText("3/5/2024", ZoneOffset.UTC, true))
                .isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(DateParser.parseText("3/5/2024", ZoneOffset.UTC, false))
                .isEqualTo(Instant.parse("2024-05-03T00:00:00Z"));
        assertThat(DateParser.parseText("25/12/2023", ZoneOffset.UTC, true))
                .isEqualTo(Instant.parse("2023-12-25T00:00:00Z"));
    }

    @Test
    void nonsenseIsNull() {
        assertThat(DateParser.parseMachine("yesterday", ZoneOffset.UTC)).isNull();
        assertThat(DateParser.parseMachine("", ZoneOffset.UTC)).isNull();
        assertThat(DateParser.parseMachine(null, ZoneOffset.UTC)).isNull();
        assertThat(DateParser.parseMachine("2024-13-45", ZoneOffset.UTC)).isNull();
        assertThat(DateParser.parseText("Call 555-1234 now", ZoneOffset.UTC, false)).isNull();
        assertThat(DateParser.parseText("Founded in 1850 by", ZoneOffset.UTC, false)).isNull();
    }

    @Test
    void datesInUrls() {
        assertThat(DateFinder.fromUrl("https://example.org/2024/03/05/some-story/", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(
                        DateFinder.fromUrl(
                                "https://example.org/news/2024-03-05-some-story", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(DateFinder.fromUrl("https://example.org/20240305/story.html", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(DateFinder.fromUrl("https://example.org/story/123456", ZoneOffset.UTC)).isNull();
    }
}
