package io.vigil.api.source;

import io.vigil.core.feed.FeedHealth;
import java.time.Instant;
import java.util.List;

/**
 * Which feeds were failing during a period, so that a dip in coverage is not read as silence.
 *
 * @param feeds feeds known
 * @param failing the feeds failing at some time in the period, longest failing first
 * @param note a sentence for people: what the list means and what it cannot know
 */
public record FeedCoverage(int feeds, List<FailingFeed> failing, String note) {

    public FeedCoverage {
        failing = failing == null ? List.of() : List.copyOf(failing);
    }

    /**
     * A feed that failed during the period.
     *
     * @param feedId the feed
     * @param name its name
     * @param health its health now
     * @param since when its failing spell began (the first failed poll seen), or null if unknown
     * @param until when it recovered, or null when it is still failing
     * @param lastError the last failure's reason, or null
     */
    public record FailingFeed(
            String feedId,
            String name,
            FeedHealth health,
            Instant since,
            Instant until,
            String lastError) {}
}
