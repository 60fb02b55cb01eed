package io.vigil.api;

import io.vigil.core.search.ArticleDocument;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the search API ({@code vigil.api.*}). Every field has a default in code.
 *
 * @param alias the article alias searched (default {@code vigil-articles}; the indexer's {@code
 *     vigil.indexer.alias})
 * @param defaultPageSize results per page when {@code size} is not given (default 20)
 * @param maxPageSize the largest {@code size} accepted (default 100)
 * @param maxResultWindow how deep paging may go: {@code page × size} at most (default 10000, the
 *     index's {@code max_result_window})
 * @param searchTimeout how long Elasticsearch may search; a slower search returns what it found
 *     with {@code timedOut = true} (default 5 s)
 * @param maxQueryLength the longest {@code q} accepted, in characters (default 2000)
 * @param maxClauses the most terms, phrases and wildcards a {@code q} may hold (default 256)
 * @param maxDeterminizedStates the largest automaton a wildcard or regular expression may build
 *     (default 10000; Elasticsearch's own default is 10000 too)
 * @param maxStoryMembers the most members {@code GET /api/stories/{id}} lists (default 200)
 * @param fragmentSize characters per highlighted fragment of the text (default 160)
 * @param fragments highlighted fragments of the text per article (default 3)
 */
@Validated
@ConfigurationProperties("vigil.api")
public record ApiProperties(
        String alias,
        Integer defaultPageSize,
        Integer maxPageSize,
        Integer maxResultWindow,
        Duration searchTimeout,
        Integer maxQueryLength,
        Integer maxClauses,
        Integer maxDeterminizedStates,
        Integer maxStoryMembers,
        Integer fragmentSize,
        Integer fragments) {

    public ApiProperties {
        alias = alias == null || alias.isBlank() ? ArticleDocument.ALIAS : alias;
        defaultPageSize = defaultPageSize == null ? 20 : defaultPageSize;
        maxPageSize = maxPageSize == null ? 100 : maxPageSize;
        maxResultWindow = maxResultWindow == null ? 10_000 : maxResultWindow;
        searchTimeout = searchTimeout == null ? Duration.ofSeconds(5) : searchTimeout;
        maxQueryLength = maxQueryLength == null ? 2000 : maxQueryLength;
        maxClauses = maxClauses == null ? 256 : maxClauses;
        maxDeterminizedStates = maxDeterminizedStates == null ? 10_000 : maxDeterminizedStates;
        maxStoryMembers = maxStoryMembers == null ? 200 : maxStoryMembers;
        fragmentSize = fragmentSize == null ? 160 : fragmentSize;
        fragments = fragments == null ? 3 : fragments;
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize || maxResultWindow < maxPageSize) {
            throw new IllegalArgumentException(
                    "need 1 <= default-page-size <= max-page-size <= max-result-window");
        }
    }

    /** All defaults. */
    public static ApiProperties defaults() {
        return new ApiProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings for another alias (tests). */
    public ApiProperties withAlias(String other) {
        return new ApiProperties(
                other,
                defaultPageSize,
                maxPageSize,
                maxResultWindow,
                searchTimeout,
                maxQueryLength,
                maxClauses,
                maxDeterminizedStates,
                maxStoryMembers,
                fragmentSize,
                fragments);
    }
}
