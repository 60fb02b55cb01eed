package io.vigil.crawler.feed;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One item of a feed, normalised across formats. Text fields are plain text (HTML stripped,
 * entities decoded), null when absent.
 *
 * @param id the guid / atom:id / JSON Feed id as given (trimmed), or null
 * @param link absolute link to the article (resolved against xml:base, the feed URL), or null
 * @param title plain-text title
 * @param summary plain-text summary (description, or the content when there is no summary)
 * @param content plain-text full content when the feed carries one separately, else null
 * @param authors author names in document order
 * @param categories category terms / labels / keywords
 * @param published when first published, or null
 * @param updated when last updated, or null
 * @param language language tag of the entry (its own or inherited from the feed), or null
 * @param source name of the publication an aggregated item comes from (RSS {@code <source>}, Atom
 *     {@code <source><title>}), or null
 * @param rights plain-text rights statement of the entry, or null (then the feed's applies)
 */
public record ParsedEntry(
        String id,
        URI link,
        String title,
        String summary,
        String content,
        List<String> authors,
        List<String> categories,
        Instant published,
        Instant updated,
        String language,
        String source,
        String rights) {

    public ParsedEntry {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
