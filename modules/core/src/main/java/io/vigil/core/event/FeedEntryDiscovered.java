package io.vigil.core.event;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A feed entry seen for the first time. Published to {@code Topics.entriesDiscovered()} keyed by
 * the article's host, so that one consumer owns a host's politeness.
 *
 * @param schema record version of this type
 * @param feedId the feed it came from (see {@code seeds/feeds.yml})
 * @param url the entry's link, absolute, tracking parameters removed
 * @param entryId the feed's own id for the entry (guid, atom:id), or the URL when it has none
 * @param title entry title, plain text, or null
 * @param summary entry summary or description, plain text, or null
 * @param authors author names as the feed gives them
 * @param categories categories or tags as the feed gives them
 * @param published when the feed says it was published (or updated), or null
 * @param language language hint (BCP 47), from the entry, the feed or the source list, or null
 * @param discoveredAt when Vigil first saw it
 */
public record FeedEntryDiscovered(
        int schema,
        String feedId,
        URI url,
        String entryId,
        String title,
        String summary,
        List<String> authors,
        List<String> categories,
        Instant published,
        String language,
        Instant discoveredAt) {

    public static final int SCHEMA = 1;

    public FeedEntryDiscovered {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(discoveredAt, "discoveredAt");
        entryId = entryId == null ? url.toString() : entryId;
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The Kafka key: the host of the article, lower case. */
    public String host() {
        String host = url.getHost();
        return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
    }
}
