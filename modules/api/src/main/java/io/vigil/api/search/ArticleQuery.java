package io.vigil.api.search;

import io.vigil.core.search.ArticleFilter;
import java.time.Instant;
import java.util.List;

/**
 * A search for articles, as the API received it and checked it.
 *
 * @param q a Lucene query ({@code query_string} syntax) over title and text, or null for all
 * @param from only articles at or after this time, or null
 * @param to only articles before this time, or null
 * @param languages only these languages (ISO 639-1); empty for all
 * @param sources only these outlets (names or domains); empty for all
 * @param countries only articles mentioning one of these countries (ISO 3166-1 alpha-2)
 * @param topic only articles relevant to this topic, or null
 * @param theme only articles relevant to this theme, or null
 * @param story only the members of this story, or null
 * @param minRelevance only articles at least this relevant to {@code topic} (to any topic without
 *     one), or null
 * @param sort the order
 * @param page 1-based page number
 * @param size results per page
 */
public record ArticleQuery(
        String q,
        Instant from,
        Instant to,
        List<String> languages,
        List<String> sources,
        List<String> countries,
        String topic,
        String theme,
        String story,
        Double minRelevance,
        Sort sort,
        int page,
        int size) {

    public ArticleQuery {
        q = q == null || q.isBlank() ? null : q;
        languages = languages == null ? List.of() : List.copyOf(languages);
        sources = sources == null ? List.of() : List.copyOf(sources);
        countries = countries == null ? List.of() : List.copyOf(countries);
        sort = sort == null ? (q == null ? Sort.NEWEST : Sort.RELEVANCE) : sort;
    }

    /** The articles this search is about, without paging and order. */
    public ArticleFilter filter() {
        return new ArticleFilter(
                q, from, to, languages, sources, countries, topic, theme, story, minRelevance);
    }

    /** The order of results. */
    public enum Sort {
        /** Best match first (then newest). */
        RELEVANCE,
        /** Newest article time first. */
        NEWEST,
        /** Oldest article time first. */
        OLDEST
    }
}
