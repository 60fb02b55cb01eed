package io.vigil.crawler.page;

import io.vigil.core.event.ArticleFetched;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ArticleExtractor} found on one page. Text fields are never null (empty when absent);
 * other fields are null when the page does not say.
 *
 * @param outcome whether extraction worked, and if not why
 * @param url the page URL the extraction was asked for
 * @param canonicalUrl rel=canonical or og:url, absolute, or null
 * @param title headline, or null
 * @param text main text, paragraphs separated by a blank line
 * @param authors author names, in page order, without duplicates
 * @param published publication time, or null
 * @param modified last modification time, or null
 * @param declaredLanguage language the page declares (BCP 47, lower case), or null
 * @param language language detected from the text (BCP 47), or null
 * @param leadImage lead image, absolute, or null
 * @param siteName the outlet's name, or null
 * @param description description or standfirst, or null
 * @param links absolute http(s) links inside the extracted body, in order, without duplicates
 * @param access whether the text is the whole article
 */
public record ExtractedArticle(
        Outcome outcome,
        URI url,
        URI canonicalUrl,
        String title,
        String text,
        List<String> authors,
        Instant published,
        Instant modified,
        String declaredLanguage,
        String language,
        URI leadImage,
        String siteName,
        String description,
        List<URI> links,
        ArticleFetched.Access access) {

    public ExtractedArticle {
        Objects.requireNonNull(outcome, "outcome");
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
        links = links == null ? List.of() : List.copyOf(links);
        access = access == null ? ArticleFetched.Access.OPEN : access;
    }

    /** An extraction that produced nothing, for the given reason. */
    static ExtractedArticle failed(Outcome outcome, URI url) {
        return new ExtractedArticle(
                outcome,
                url,
                null,
                null,
                "",
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                ArticleFetched.Access.OPEN);
    }

    /** How an extraction ended. Anything but {@link #EXTRACTED} is an error outcome. */
    public enum Outcome {
        /** Main text found. */
        EXTRACTED,
        /** The page parsed, but no article text was found in it. */
        NO_TEXT,
        /** The input is empty. */
        EMPTY,
        /** The input is not HTML (binary, or not text). */
        NOT_HTML,
        /** The input is larger than the extractor accepts. */
        TOO_LARGE,
        /** The page could not be processed (a defect of the page met a defect of ours). */
        UNPARSEABLE;

        /** Whether this outcome is an error. */
        public boolean failed() {
            return this != EXTRACTED;
        }
    }
}
