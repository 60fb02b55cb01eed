package io.vigil.core.event;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article page fetched and extracted. Published to {@code Topics.articlesFetched()} keyed by
 * {@link #articleId()}.
 *
 * @param schema record version of this type
 * @param articleId stable id: {@code ArticleIds.of(canonicalUrl)}
 * @param feedId the feed that announced it, or null (e.g. a back-fill)
 * @param url the URL that was requested
 * @param finalUrl the URL after redirects
 * @param canonicalUrl the page's canonical URL (rel=canonical, og:url) normalised, else finalUrl
 * @param title headline
 * @param text main text, paragraphs separated by a blank line
 * @param authors author names
 * @param published publication time, or null
 * @param modified last modification time, or null
 * @param language detected language (BCP 47), or null
 * @param declaredLanguage language the page declares, or null
 * @param leadImage lead image, or null
 * @param siteName the outlet's name, or null
 * @param description the page's description or standfirst, or null
 * @param links links inside the article body
 * @param access whether the text is complete
 * @param feedSummary the feed's summary, kept especially for paywalled and teaser pages
 * @param fetch how the page was fetched
 * @param backfill true for an article loaded from the past ({@code vigil import}): it goes through
 *     dedup, classification and indexing like any other, but raises no alerts
 */
public record ArticleFetched(
        int schema,
        String articleId,
        String feedId,
        URI url,
        URI finalUrl,
        URI canonicalUrl,
        String title,
        String text,
        List<String> authors,
        Instant published,
        Instant modified,
        String language,
        String declaredLanguage,
        URI leadImage,
        String siteName,
        String description,
        List<URI> links,
        Access access,
        String feedSummary,
        Fetch fetch,
        boolean backfill) {

    public static final int SCHEMA = 1;

    /** A crawled article (not a back-fill). */
    public ArticleFetched(
            int schema,
            String articleId,
            String feedId,
            URI url,
            URI finalUrl,
            URI canonicalUrl,
            String title,
            String text,
            List<String> authors,
            Instant published,
            Instant modified,
            String language,
            String declaredLanguage,
            URI leadImage,
            String siteName,
            String description,
            List<URI> links,
            Access access,
            String feedSummary,
            Fetch fetch) {
        this(
                schema,
                articleId,
                feedId,
                url,
                finalUrl,
                canonicalUrl,
                title,
                text,
                authors,
                published,
                modified,
                language,
                declaredLanguage,
                leadImage,
                siteName,
                description,
                links,
                access,
                feedSummary,
                fetch,
                false);
    }

    public ArticleFetched {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fetch, "fetch");
        finalUrl = finalUrl == null ? url : finalUrl;
        canonicalUrl = canonicalUrl == null ? finalUrl : canonicalUrl;
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
        links = links == null ? List.of() : List.copyOf(links);
        access = access == null ? Access.OPEN : access;
    }

    /** Whether the extracted text is the whole article. */
    public enum Access {
        /** The whole article is on the page. */
        OPEN,
        /** Behind a paywall: the page shows a part only. */
        PAYWALLED,
        /** A teaser or lead only, for another reason (registration, app-only, ...). */
        TEASER
    }

    /**
     * Fetch metadata.
     *
     * @param status HTTP status
     * @param contentType the Content-Type header
     * @param bytes size of the raw body
     * @param fetchedAt when it was fetched
     * @param sha256 SHA-256 of the raw body, hex
     */
    public record Fetch(
            int status, String contentType, long bytes, Instant fetchedAt, String sha256) {
        public Fetch {
            Objects.requireNonNull(fetchedAt, "fetchedAt");
        }
    }
}
