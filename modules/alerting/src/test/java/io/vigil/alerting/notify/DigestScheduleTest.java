package io.vigil.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.alert.Alert;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When digests are due, in the owner's time zone. */
class DigestScheduleTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static Alert.Email email(Alert.Schedule schedule, String at, DayOfWeek day) {
        return new Alert.Email(List.of("a@b.org"), schedule, LocalTime.parse(at), PARIS, day);
    }

    @Test
    void dailyAtTheOwnersLocalTime() {
        // 06:00 UTC is 07:00 in Paris in winter: the 07:30 digest is due the same day
        assertThat(
                        DigestSchedule.next(
                                email(Alert.Schedule.DAILY, "07:30", null),
                                Instant.parse("2026-01-12T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-12T06:30:00Z"));
        assertThat(
                        DigestSchedule.next(
                                email(Alert.Schedule.DAILY, "07:30", null),
                                Instant.parse("2026-01-12T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-13T06:30:00Z"));
    }

    @Test
    void hourlyAtItsMinute() {
        assertThat(
                        DigestSchedule.next(
                                email(Alert.Schedule.HOURLY, "00:15", null),
                                Instant.parse("2026-01-12T06:20:00Z")))
                .isEqualTo(Instant.parse("2026-01-12T07:15:00Z"));
    }

    @Test
    void weeklyOnItsDay() {
        // Monday 2026-01-12; the Friday 18:00 Paris digest is 17:00 UTC that Friday
        assertThat(
                        DigestSchedule.next(
                                email(Alert.Schedule.WEEKLY, "18:00", DayOfWeek.FRIDAY),
                                Instant.parse("2026-01-12T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-16T17:00:00Z"));
        assertThat(
                        DigestSchedule.next(
                                email(Alert.Schedule.WEEKLY, "18:00", DayOfWeek.FRIDAY),
                                Instant.parse("2026-01-16T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-23T17:00:00Z"));
    }
}
