package io.vigil.crawler.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.json.Json;
import io.vigil.core.url.ArticleIds;
import io.vigil.core.url.UrlCanonicalizer;
import io.vigil.crawler.page.ArticleExtractor;
import io.vigil.crawler.page.ExtractedArticle;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles in JSON Lines, one object per line: {@code url} (required), {@code title}, {@code text}
 * or {@code html} (extracted as the crawler would), {@code published} and {@code fetched}
 * (ISO-8601), {@code authors}, {@code outlet}, {@code language}, {@code canonicalUrl}. An article
 * without {@code fetched} counts as fetched when it was published. A line that is not such an
 * object is reported and skipped.
 */
final class JsonlArticles {

    private final ArticleExtractor extractor;
    private final boolean backfill;
    private final String source;

    JsonlArticles(ArticleExtractor extractor, boolean backfill, String source) {
        this.extractor = extractor;
        this.backfill = backfill;
        this.source = source;
    }

    Imported read(String line, long number, Instant now) {
        JsonNode n;
        try {
            n = Json.mapper().readTree(line);
        } catch (IOException e) {
            return Imported.failed("line " + number + ": not JSON: " + firstLine(e.getMessage()));
        }
        if (n == null || !n.isObject()) {
            return Imported.failed("line " + number + ": not a JSON object");
        }
        try {
            return Imported.of(article(n, now));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Imported.failed("line " + number + ": " + e.getMessage());
        }
    }

    private ArticleFetched article(JsonNode n, Instant now) {
        String rawUrl = text(n, "url");
        if (rawUrl == null) {
            throw new IllegalArgumentException("no url");
        }
        URI url = URI.create(rawUrl);
        if (url.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + rawUrl);
        }
        Instant published = time(n, "published");
        Instant fetched = time(n, "fetched");
        String title = text(n, "title");
        String body = text(n, "text");
        String html = text(n, "html");
        ExtractedArticle x = null;
        if (body == null && html != null) {
            x =
                    extractor.extract(
                            html.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, url);
            body = x.text();
            title = title != null ? title : x.title();
            published = published != null ? published : x.published();
        }
        if ((body == null || body.isBlank()) && (title == null || title.isBlank())) {
            throw new IllegalArgumentException("neither title nor text");
        }
        String canonicalRaw = text(n, "canonicalUrl");
        URI canonical =
                UrlCanonicalizer.canonicalize(
                        canonicalRaw != null
                                ? URI.create(canonicalRaw)
                                : x != null && x.canonicalUrl() != null ? x.canonicalUrl() : url);
        Instant fetchedAt = fetched != null ? fetched : published != null ? published : now;
        List<String> authors = new ArrayList<>();
        n.path("authors").forEach(a -> authors.add(a.asText()));
        return new ArticleFetched(
                ArticleFetched.SCHEMA,
                ArticleIds.of(canonical),
                source,
                url,
                url,
                canonical,
                title,
                body,
                authors,
                published,
                null,
                text(n, "language"),
                null,
                null,
                text(n, "outlet"),
                text(n, "description"),
                List.of(),
                ArticleFetched.Access.OPEN,
                null,
                new ArticleFetched.Fetch(
                        200,
                        html != null ? "text/html" : "text/plain",
                        (body == null ? 0 : body.length()),
                        fetchedAt,
                        null),
                backfill);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static Instant time(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            return null;
        }
        if (v.length() == 10) {
            v = v + "T00:00:00Z"; // a date alone: that day, UTC
        }
        return java.time.OffsetDateTime.parse(v).toInstant();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
