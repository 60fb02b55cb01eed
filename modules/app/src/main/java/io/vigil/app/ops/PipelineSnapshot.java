package io.vigil.app.ops;

import io.vigil.core.feed.FeedHealth;
import io.vigil.core.feed.FeedState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code vigil status} saw at one moment.
 *
 * @param at when
 * @param groups per consumer group (one per stage): committed offsets and lag
 * @param deadLetters records per dead-letter topic, by stage
 * @param feeds the last state of every feed
 * @param articlesToday articles fetched today (UTC) and indexed, or -1 when Elasticsearch did not
 *     answer
 * @param articlesTotal articles indexed, or -1
 * @param alertsToday alert deliveries recorded today (UTC)
 * @param problems what could not be read, one line each
 */
record PipelineSnapshot(
        Instant at,
        Map<String, Group> groups,
        Map<String, Long> deadLetters,
        List<FeedState> feeds,
        long articlesToday,
        long articlesTotal,
        long alertsToday,
        List<String> problems) {

    /**
     * @param committed the sum of the group's committed offsets
     * @param lag records not yet processed
     */
    record Group(long committed, long lag) {}

    Map<FeedHealth, Long> feedsByHealth() {
        Map<FeedHealth, Long> counts = new java.util.EnumMap<>(FeedHealth.class);
        feeds.forEach(f -> counts.merge(f.health(), 1L, Long::sum));
        return counts;
    }
}
