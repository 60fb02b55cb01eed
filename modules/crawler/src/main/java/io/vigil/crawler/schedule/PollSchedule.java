package io.vigil.crawler.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When to poll a feed next: adapted to how often it posts, bounded, jittered, and backing off after
 * failures.
 */
public final class PollSchedule {

    /** How many recent publication times feed the rate estimate. */
    public static final int RATE_WINDOW = 20;

    private final ScheduleSettings settings;
    private final RandomGenerator random;

    public PollSchedule(ScheduleSettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * The interval for a healthy feed: a fixed one when configured, otherwise half the mean gap
     * between its recent posts (so a new post waits on average a quarter of the gap), within the
     * configured bounds; the default when fewer than two posts are known.
     */
    public Duration interval(Duration fixed, List<Instant> recentPublished) {
        if (fixed != null) {
            return fixed;
        }
        List<Instant> times = new ArrayList<>(recentPublished);
        times.sort(Comparator.reverseOrder());
        if (times.size() < 2) {
            return settings.defaultInterval();
        }
        Duration span = Duration.between(times.get(times.size() - 1), times.get(0));
        Duration meanGap = span.dividedBy(times.size() - 1);
        return clamp(meanGap.dividedBy(2), settings.minInterval(), settings.maxInterval());
    }

    /**
     * The wait after {@code consecutiveErrors} failures in a row: the interval doubled per failure,
     * capped; at least {@code retryAfter} when the server asked for it.
     */
    public Duration backoff(Duration interval, int consecutiveErrors, Duration retryAfter) {
        int doublings = Math.min(Math.max(consecutiveErrors - 1, 0), 10);
        Duration wait = interval.multipliedBy(1L << doublings);
        wait = clamp(wait, settings.minInterval(), settings.maxErrorBackoff());
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait =
                    retryAfter.compareTo(settings.maxErrorBackoff()) > 0
                            ? settings.maxErrorBackoff()
                            : retryAfter;
        }
        return wait;
    }

    /** {@code now + wait}, spread by the configured jitter so feeds do not poll in lockstep. */
    public Instant next(Instant now, Duration wait) {
        double factor = 1 + settings.jitter() * (2 * random.nextDouble() - 1);
        return now.plusMillis(Math.round(wait.toMillis() * factor));
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
