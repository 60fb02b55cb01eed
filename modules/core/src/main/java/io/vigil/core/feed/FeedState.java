package io.vigil.core.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the crawler remembers about one feed: published to {@code Topics.feedState()} (compacted,
 * keyed by feed id) in the same transaction as the entries of the poll that produced it, so a
 * restart neither loses nor repeats an entry.
 *
 * @param schema record version of this type
 * @param feedId the feed
 * @param currentUrl where the feed lives now (differs from the configured URL after a move)
 * @param health the outcome of the last poll
 * @param consecutiveErrors failed polls in a row
 * @param lastError the last failure's reason, or null
 * @param etag the validator for conditional GET, or null
 * @param lastModified the Last-Modified validator, or null
 * @param lastPolled when it was last polled, or null
 * @param lastNewEntry when the last new entry was seen, or null
 * @param interval the current poll interval
 * @param nextPoll when to poll next
 * @param seen fingerprints of the entries already published, newest first, bounded
 * @param recentPublished publication times of recent entries, newest first, bounded (for the
 *     adaptive interval)
 */
public record FeedState(
        int schema,
        String feedId,
        URI currentUrl,
        FeedHealth health,
        int consecutiveErrors,
        String lastError,
        String etag,
        String lastModified,
        Instant lastPolled,
        Instant lastNewEntry,
        Duration interval,
        Instant nextPoll,
        List<String> seen,
        List<Instant> recentPublished) {

    public static final int SCHEMA = 1;

    public FeedState {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(currentUrl, "currentUrl");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(nextPoll, "nextPoll");
        seen = seen == null ? List.of() : List.copyOf(seen);
        recentPublished = recentPublished == null ? List.of() : List.copyOf(recentPublished);
    }

    /** The state of a feed never polled: due now. */
    public static FeedState initial(Feed feed, Duration interval, Instant now) {
        return new FeedState(
                SCHEMA,
                feed.id(),
                feed.url(),
                FeedHealth.NEW,
                0,
                null,
                null,
                null,
                null,
                null,
                interval,
                now,
                List.of(),
                List.of());
    }
}
