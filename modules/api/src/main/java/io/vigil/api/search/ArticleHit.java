package io.vigil.api.search;

import io.vigil.core.search.ArticleDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article in a result list: everything but the full text, with its score and highlighted
 * fragments when it answers a query.
 *
 * @param id article id ({@code GET /api/articles/{id}} gives the full text)
 * @param title headline
 * @param description standfirst, or null
 * @param url canonical URL
 * @param outlet outlet name
 * @param domain outlet domain
 * @param outletCountry outlet country, or null
 * @param language ISO 639-1 code
 * @param date published, else fetched
 * @param published publication time, or null
 * @param authors author names
 * @param storyId the story it belongs to
 * @param topics relevant topics
 * @param themes relevant themes
 * @param countries countries mentioned
 * @param regions regions mentioned
 * @param relevance relevance per topic
 * @param paywalled whether the text is incomplete
 * @param score the search score, or null when sorted by time or not searched
 * @param highlights fragments of {@code title} and {@code text} with matches in {@code <em>}
 */
public record ArticleHit(
        String id,
        String title,
        String description,
        String url,
        String outlet,
        String domain,
        String outletCountry,
        String language,
        Instant date,
        Instant published,
        List<String> authors,
        String storyId,
        List<String> topics,
        List<String> themes,
        List<String> countries,
        List<String> regions,
        Map<String, Double> relevance,
        boolean paywalled,
        Double score,
        Map<String, List<String>> highlights) {

    public ArticleHit {
        highlights = highlights == null ? Map.of() : Map.copyOf(highlights);
    }

    /** The hit of a document. */
    public static ArticleHit of(
            ArticleDocument d, Double score, Map<String, List<String>> highlights) {
        return new ArticleHit(
                d.id(),
                d.title(),
                d.description(),
                d.url(),
                d.outlet(),
                d.domain(),
                d.outletCountry(),
                d.language(),
                d.date(),
                d.published(),
                d.authors(),
                d.storyId(),
                d.topics(),
                d.themes(),
                d.countries(),
                d.regions(),
                d.relevance(),
                d.paywalled(),
                score,
                highlights);
    }
}
