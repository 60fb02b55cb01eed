package io.vigil.dedup.story;

import io.vigil.core.event.ArticleFetched;
import io.vigil.core.url.ArticleIds;
import java.util.Objects;

/**
 * What the {@link Deduplicator} needs of an arriving article besides its fingerprint.
 *
 * @param articleId its canonical article id
 * @param host its outlet's host (lower case, without {@code www.})
 * @param outlet the outlet as listed on its story: the site name, else the host
 * @param fetchedAt when it was fetched, epoch milliseconds
 */
public record Arrival(String articleId, String host, String outlet, long fetchedAt) {

    public Arrival {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outlet, "outlet");
    }

    public static Arrival of(ArticleFetched article) {
        return of(ArticleIds.of(article.canonicalUrl()), article);
    }

    /**
     * @param articleId the article's id, {@code ArticleIds.of(article.canonicalUrl())}
     */
    public static Arrival of(String articleId, ArticleFetched article) {
        String host = Fingerprinter.host(article.canonicalUrl());
        return new Arrival(
                articleId,
                host,
                article.siteName() == null || article.siteName().isBlank()
                        ? host
                        : article.siteName().strip(),
                article.fetch().fetchedAt().toEpochMilli());
    }
}
