package io.vigil.api.search;

import java.util.List;

/**
 * One page of articles.
 *
 * @param total how many articles match in all
 * @param page this page's number, from 1
 * @param size the page size asked for
 * @param timedOut whether the search ran out of time and the results are partial
 * @param articles the articles of this page
 */
public record SearchResult(
        long total, int page, int size, boolean timedOut, List<ArticleHit> articles) {

    public SearchResult {
        articles = List.copyOf(articles);
    }
}
