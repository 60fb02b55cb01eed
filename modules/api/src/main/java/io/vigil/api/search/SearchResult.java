package io.vigil.api.search;

import java.util.List;
import java.util.Map;

/**
 * One page of articles.
 *
 * @param total how many articles match in all
 * @param page this page's number, from 1
 * @param size the page size asked for
 * @param timedOut whether the search ran out of time and the results are partial
 * @param articles the articles of this page
 * @param facets for {@code language}, {@code outlet}, {@code countries}, {@code topics} and {@code
 *     themes}: the most frequent values among all matching articles, with their counts
 */
public record SearchResult(
        long total,
        int page,
        int size,
        boolean timedOut,
        List<ArticleHit> articles,
        Map<String, List<Facet>> facets) {

    /** The facet fields, in display order. */
    static final List<String> FACETS =
            List.of("language", "outlet", "countries", "topics", "themes");

    public SearchResult {
        articles = List.copyOf(articles);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    /** A value of a facet and how many matching articles have it. */
    public record Facet(String value, long count) {}
}
