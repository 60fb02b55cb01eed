package io.vigil.core.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A source to poll. Published to {@code Topics.feeds()} (compacted) keyed by {@link #id()}; a
 * tombstone removes it. Loaded from {@code seeds/feeds.yml} or added through the API.
 *
 * @param schema record version of this type
 * @param id stable identifier, e.g. {@code reuters-china}: lower case letters, digits, dashes
 * @param url the feed's address
 * @param name human-readable name of the source
 * @param country the outlet's country (ISO 3166-1 alpha-2), or null for international sources
 * @param language the feed's main language (BCP 47), or null
 * @param tags free tags, e.g. {@code agency}, {@code ngo}, {@code search}
 * @param pollInterval a fixed poll interval, or null to adapt to the feed's posting rate
 */
public record Feed(
        int schema,
        String id,
        URI url,
        String name,
        String country,
        String language,
        List<String> tags,
        Duration pollInterval) {

    public static final int SCHEMA = 1;

    public Feed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException(
                    "feed id must be lower case letters, digits, '.', '_' or '-': " + id);
        }
        name = name == null || name.isBlank() ? id : name;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
