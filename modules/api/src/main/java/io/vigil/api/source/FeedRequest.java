package io.vigil.api.source;

import io.vigil.core.feed.Feed;
import io.vigil.core.search.InvalidQueryException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A feed as a client adds it.
 *
 * @param id the feed id (lower case letters, digits, '.', '_', '-'); derived from the URL when
 *     absent
 * @param url the feed's address (http or https)
 * @param name the source's name, or null
 * @param country the outlet's country (ISO 3166-1 alpha-2), or null
 * @param language the feed's main language, or null
 * @param tags free tags, or null
 */
public record FeedRequest(
        String id, String url, String name, String country, String language, List<String> tags) {

    /** The feed this request makes, checked. */
    Feed toFeed() {
        if (url == null || url.isBlank()) {
            throw InvalidQueryException.of("url", "A feed needs a url.");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidQueryException.of("url", "Not a URL: " + url);
        }
        if (uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw InvalidQueryException.of("url", "The url must be http or https with a host.");
        }
        String feedId = id == null || id.isBlank() ? derivedId(uri) : id.trim();
        if (!feedId.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw InvalidQueryException.of(
                    "id", "A feed id is lower case letters, digits, '.', '_' or '-'.");
        }
        if (country != null && !country.isBlank() && !country.trim().matches("[A-Za-z]{2}")) {
            throw InvalidQueryException.of("country", "country is an ISO 3166-1 alpha-2 code.");
        }
        return new Feed(
                Feed.SCHEMA,
                feedId,
                uri,
                name,
                country == null || country.isBlank()
                        ? null
                        : country.trim().toUpperCase(Locale.ROOT),
                language == null || language.isBlank() ? null : language.trim(),
                tags,
                null);
    }

    /** {@code www.example.org/news/rss.xml} → {@code example.org-news-rss.xml}, bounded. */
    static String derivedId(URI uri) {
        String raw =
                (uri.getHost().replaceFirst("^www\\.", "")
                                + (uri.getPath() == null ? "" : uri.getPath()))
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9._-]+", "-")
                        .replaceAll("-+$", "");
        return raw.length() > 100 ? raw.substring(0, 100) : raw;
    }
}
