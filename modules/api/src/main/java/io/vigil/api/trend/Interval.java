package io.vigil.api.trend;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.time.Duration;
import java.time.Instant;

/** The width of one bucket of a trend. */
public enum Interval {
    HOUR(CalendarInterval.Hour, Duration.ofHours(1)),
    DAY(CalendarInterval.Day, Duration.ofDays(1)),
    WEEK(CalendarInterval.Week, Duration.ofDays(7)),
    MONTH(CalendarInterval.Month, Duration.ofDays(30));

    private final CalendarInterval calendar;
    private final Duration approximate;

    Interval(CalendarInterval calendar, Duration approximate) {
        this.calendar = calendar;
        this.approximate = approximate;
    }

    CalendarInterval calendar() {
        return calendar;
    }

    /** About how many buckets this interval makes of the period. */
    long bucketsIn(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / approximate.toMillis() + 1;
    }

    /** A readable interval for the period: at most about 100 buckets, at least hours. */
    static Interval auto(Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        if (span.compareTo(Duration.ofDays(4)) <= 0) {
            return HOUR;
        }
        if (span.compareTo(Duration.ofDays(120)) <= 0) {
            return DAY;
        }
        if (span.compareTo(Duration.ofDays(730)) <= 0) {
            return WEEK;
        }
        return MONTH;
    }
}
