package io.vigil.core.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article as indexed in Elasticsearch (alias {@link #ALIAS}, one index per month), keyed by
 * {@link #id()}. The indexer writes it from an {@code ArticleClassified}; the API reads it. Field
 * names in the index are the component names; the mapping is the indexer's template ({@code
 * modules/indexer/src/main/resources/elasticsearch/}).
 *
 * @param schema record version of this type
 * @param id the article id (also the document's {@code _id})
 * @param url the canonical URL
 * @param finalUrl the URL the page was fetched from after redirects
 * @param domain host of the canonical URL without a leading {@code www.}, lower case
 * @param outlet the outlet's name (the site name, else the domain)
 * @param outletCountry the outlet's country (ISO 3166-1 alpha-2), or null
 * @param feedId the feed that announced it, or null
 * @param title headline, or null
 * @param description standfirst or page description, or null
 * @param text main text
 * @param languages title and text again under the key of the analyzer of their language ({@code
 *     zh}, {@code cjk}, {@code fr}, ...; see {@link #LANGUAGE_KEYS}), for languages other than
 *     English; empty otherwise
 * @param authors author names
 * @param language ISO 639-1 code, or {@code und}
 * @param languageConfidence how sure the language detector was, 0 to 1
 * @param date the article's time: published, else fetched; what date filters and sorting use
 * @param published publication time, or null
 * @param modified last modification, or null
 * @param fetchedAt when this version was fetched; the document's version
 * @param classifiedAt when it was classified
 * @param paywalled whether the text is incomplete (paywall or teaser)
 * @param access {@code OPEN}, {@code PAYWALLED} or {@code TEASER}
 * @param storyId the story it belongs to
 * @param duplicateOf the member it matched, or null for a story's representative
 * @param similarity similarity to {@code duplicateOf}, 0 to 1
 * @param outcome how dedup accepted it: {@code NEW_STORY}, {@code DUPLICATE}, {@code REFETCHED}
 * @param countries countries mentioned (ISO 3166-1 alpha-2)
 * @param regions regions mentioned (gazetteer ids)
 * @param topics ids of the topics it is relevant to
 * @param themes ids of the themes it is relevant to
 * @param relevance relevance to every configured topic, by topic id, 0 to 1
 * @param maxRelevance the highest of {@code relevance}, 0 when there is none
 * @param leadImage the lead image's URL, or null
 * @param classifier the classifier's version
 */
public record ArticleDocument(
        int schema,
        String id,
        String url,
        String finalUrl,
        String domain,
        String outlet,
        String outletCountry,
        String feedId,
        String title,
        String description,
        String text,
        Map<String, LocalizedText> languages,
        List<String> authors,
        String language,
        double languageConfidence,
        Instant date,
        Instant published,
        Instant modified,
        Instant fetchedAt,
        Instant classifiedAt,
        boolean paywalled,
        String access,
        String storyId,
        String duplicateOf,
        double similarity,
        String outcome,
        List<String> countries,
        List<String> regions,
        List<String> topics,
        List<String> themes,
        Map<String, Double> relevance,
        double maxRelevance,
        String leadImage,
        String classifier) {

    public static final int SCHEMA = 1;

    /** The alias every article index belongs to, and the prefix of their names. */
    public static final String ALIAS = "vigil-articles";

    /**
     * The keys of {@link #languages()}, each with its own analyzer in the index template: Chinese
     * ({@code smartcn}), Japanese and Korean ({@code cjk}), and the European and other languages
     * with a stock analyzer. English has none: {@code title} and {@code text} are English-analysed.
     */
    public static final List<String> LANGUAGE_KEYS =
            List.of("zh", "cjk", "fr", "de", "es", "it", "pt", "ru", "ar");

    /**
     * The key of {@code topic} in {@link #relevance()}: dots would make an object path in the
     * index, so they become underscores.
     */
    public static String relevanceKey(String topic) {
        return topic.replace('.', '_');
    }

    public ArticleDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(storyId, "storyId");
        text = text == null ? "" : text;
        languages = languages == null ? Map.of() : Map.copyOf(languages);
        authors = authors == null ? List.of() : List.copyOf(authors);
        countries = countries == null ? List.of() : List.copyOf(countries);
        regions = regions == null ? List.of() : List.copyOf(regions);
        topics = topics == null ? List.of() : List.copyOf(topics);
        themes = themes == null ? List.of() : List.copyOf(themes);
        relevance = relevance == null ? Map.of() : Map.copyOf(relevance);
    }

    /**
     * Title and text under a language's own analyzer.
     *
     * @param title headline, or null
     * @param text main text, or null
     */
    public record LocalizedText(String title, String text) {}
}
