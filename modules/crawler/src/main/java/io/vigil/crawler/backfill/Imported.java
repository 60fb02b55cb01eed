package io.vigil.crawler.backfill;

import io.vigil.core.event.ArticleFetched;

/**
 * One record of an import source: an article, why the record could not become one, or {@link
 * #NOTHING} for a record that is not meant to be an article (a blank line, a WARC request).
 *
 * @param article the article, or null
 * @param problem why there is no article (e.g. "line 12: no url"), or null
 */
record Imported(ArticleFetched article, String problem) {

    static final Imported NOTHING = new Imported(null, null);

    static Imported of(ArticleFetched article) {
        return new Imported(article, null);
    }

    static Imported failed(String problem) {
        return new Imported(null, problem);
    }
}
