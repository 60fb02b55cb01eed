package io.vigil.crawler.feed;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A parsed feed or sitemap. When the document is not one, {@code outcome} says so, {@code detail}
 * says why and {@code entries} is empty.
 *
 * @param format the format detected
 * @param outcome how parsing went
 * @param detail human-readable reason for a non-OK outcome (null when OK)
 * @param title plain-text feed title, or null
 * @param link absolute link to the site, or null
 * @param description plain-text feed subtitle / description, or null
 * @param language feed language tag, or null
 * @param updated when the feed says it was last updated, or null
 * @param rights plain-text copyright / rights statement of the feed, or null (exports show it)
 * @param encoding the charset the document declared or was detected in (JSON: UTF-8); decoding may
 *     use a compatible superset (windows-1252 for Latin-1/ASCII labels)
 * @param entries the entries in document order
 */
public record ParsedFeed(
        FeedFormat format,
        ParseOutcome outcome,
        String detail,
        String title,
        URI link,
        String description,
        String language,
        Instant updated,
        String rights,
        Charset encoding,
        List<ParsedEntry> entries) {

    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(outcome, "outcome");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    static ParsedFeed failed(
            FeedFormat format, ParseOutcome outcome, String detail, Charset encoding) {
        return new ParsedFeed(
                format, outcome, detail, null, null, null, null, null, null, encoding, List.of());
    }
}
