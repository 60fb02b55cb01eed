package io.vigil.crawler.feed;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the feed crawler runs.
 *
 * @param seeds the feed list loaded at start-up; default {@code seeds/feeds.yml}
 * @param workers feeds polled at once by this instance; default 8
 * @param partitions partitions of the feeds and feed-state topics (must be equal); default 6
 * @param instanceId this instance's stable name, the base of its Kafka transactional id (a restart
 *     with the same name aborts the previous run's open transaction at once); default {@code
 *     crawler}
 * @param tick how often due feeds are looked for; default 250 ms
 */
public record FeedSettings(
        Path seeds, Integer workers, Integer partitions, String instanceId, Duration tick) {

    public FeedSettings {
        seeds = seeds == null ? Path.of("seeds", "feeds.yml") : seeds;
        workers = workers == null ? 8 : workers;
        partitions = partitions == null ? 6 : partitions;
        instanceId = instanceId == null || instanceId.isBlank() ? "crawler" : instanceId;
        tick = tick == null ? Duration.ofMillis(250) : tick;
        if (workers < 1 || partitions < 1) {
            throw new IllegalArgumentException("workers and partitions must be positive");
        }
    }

    public static FeedSettings defaults() {
        return new FeedSettings(null, null, null, null, null);
    }
}
