package io.vigil.crawler.schedule;

import java.time.Duration;

/**
 * How often feeds are polled.
 *
 * @param defaultInterval the interval of a feed whose posting rate is not known yet; default 30 min
 * @param minInterval the shortest adaptive interval; default 5 min
 * @param maxInterval the longest adaptive interval; default 6 h
 * @param maxErrorBackoff the longest wait after repeated failures; default 12 h
 * @param jitter the random spread around each interval, as a fraction; default 0.1
 * @param seenCapacity how many entry fingerprints are kept per feed at least; default 1000
 */
public record ScheduleSettings(
        Duration defaultInterval,
        Duration minInterval,
        Duration maxInterval,
        Duration maxErrorBackoff,
        Double jitter,
        Integer seenCapacity) {

    public ScheduleSettings {
        defaultInterval = defaultInterval == null ? Duration.ofMinutes(30) : defaultInterval;
        minInterval = minInterval == null ? Duration.ofMinutes(5) : minInterval;
        maxInterval = maxInterval == null ? Duration.ofHours(6) : maxInterval;
        maxErrorBackoff = maxErrorBackoff == null ? Duration.ofHours(12) : maxErrorBackoff;
        jitter = jitter == null ? 0.1 : jitter;
        seenCapacity = seenCapacity == null ? 1000 : seenCapacity;
        if (minInterval.compareTo(maxInterval) > 0) {
            throw new IllegalArgumentException("min-interval must not exceed max-interval");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
    }

    public static ScheduleSettings defaults() {
        return new ScheduleSettings(null, null, null, null, null, null);
    }
}
