package io.vigil.crawler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private final PollSchedule schedule =
            new PollSchedule(ScheduleSettings.defaults(), new Random(7));
    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void adaptsToThePostingRateWithinBounds() {
        List<Instant> hourly =
                List.of(
                        now,
                        now.minusSeconds(3600),
                        now.minusSeconds(7200),
                        now.minusSeconds(10800));
        assertThat(schedule.interval(null, hourly)).isEqualTo(Duration.ofMinutes(30));
        List<Instant> everyMinute = List.of(now, now.minusSeconds(60), now.minusSeconds(120));
        assertThat(schedule.interval(null, everyMinute)).isEqualTo(Duration.ofMinutes(5));
        List<Instant> weekly = List.of(now, now.minus(Duration.ofDays(7)));
        assertThat(schedule.interval(null, weekly)).isEqualTo(Duration.ofHours(6));
        assertThat(schedule.interval(null, List.of(now))).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.interval(Duration.ofMinutes(15), weekly))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void orderOfTheTimesDoesNotMatter() {
        List<Instant> shuffled = List.of(now.minusSeconds(7200), now, now.minusSeconds(3600));
        assertThat(schedule.interval(null, shuffled)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void backsOffExponentiallyAndHonoursRetryAfter() {
        Duration base = Duration.ofMinutes(30);
        assertThat(schedule.backoff(base, 1, null)).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.backoff(base, 3, null)).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.backoff(base, 20, null)).isEqualTo(Duration.ofHours(12));
        assertThat(schedule.backoff(base, 1, Duration.ofHours(3))).isEqualTo(Duration.ofHours(3));
        assertThat(schedule.backoff(base, 1, Duration.ofDays(3))).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void jittersWithinTheConfiguredSpread() {
        for (int i = 0; i < 100; i++) {
            Instant next = schedule.next(now, Duration.ofMinutes(100));
            assertThat(next)
                    .isBetween(now.plus(Duration.ofMinutes(90)), now.plus(Duration.ofMinutes(110)));
        }
    }

    @Test
    void seenEntriesMatchByIdOrLinkAndStayBounded() {
        Set<String> a = SeenEntries.fingerprints("guid-a", "https://x.org/a");
        SeenEntries seen = SeenEntries.of(List.copyOf(a));
        assertThat(seen.seen(SeenEntries.fingerprints("guid-a", "https://x.org/a-renamed")))
                .isTrue();
        assertThat(seen.seen(SeenEntries.fingerprints("guid-new", "https://x.org/a"))).isTrue();
        assertThat(seen.seen(SeenEntries.fingerprints("guid-b", "https://x.org/b"))).isFalse();

        Set<String> b = SeenEntries.fingerprints("guid-b", "https://x.org/b");
        List<String> next = seen.remember(List.of(b), 3);
        assertThat(next).hasSize(3).startsWith(b.toArray(String[]::new));
        List<String> big = SeenEntries.of(next).remember(List.of(a, b), 1);
        assertThat(big).hasSize(4); // never forgets what is still in the feed
    }
}
