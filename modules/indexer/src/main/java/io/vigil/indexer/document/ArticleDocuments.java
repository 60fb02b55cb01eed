package io.vigil.indexer.document;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.ArticleClassified.TopicRelevance;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.search.ArticleDocument;
import io.vigil.core.search.ArticleDocument.LocalizedText;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a classified article into the document the index holds. Pure; thread-safe. */
public final class ArticleDocuments {

    /** A published time this far after the fetch is a wrong date: the fetch time is used. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private static final Map<String, String> LANGUAGE_KEY =
            Map.ofEntries(
                    Map.entry("zh", "zh"),
                    Map.entry("ja", "cjk"),
                    Map.entry("ko", "cjk"),
                    Map.entry("fr", "fr"),
                    Map.entry("de", "de"),
                    Map.entry("es", "es"),
                    Map.entry("it", "it"),
                    Map.entry("pt", "pt"),
                    Map.entry("ru", "ru"),
                    Map.entry("ar", "ar"));

    private ArticleDocuments() {}

    /** The document for {@code classified}. */
    public static ArticleDocument of(ArticleClassified classified) {
        ArticleAccepted accepted = classified.accepted();
        ArticleFetched article = accepted.article();
        Instant fetchedAt = article.fetch().fetchedAt();
        String language = language(classified);
        String key = LANGUAGE_KEY.get(language);
        Map<String, LocalizedText> languages =
                key == null
                        ? Map.of()
                        : Map.of(key, new LocalizedText(article.title(), article.text()));
        Map<String, Double> relevance = new LinkedHashMap<>();
        Set<String> topics = new LinkedHashSet<>();
        Set<String> themes = new LinkedHashSet<>();
        double max = 0;
        for (TopicRelevance t : classified.topics()) {
            relevance.put(ArticleDocument.relevanceKey(t.topic()), t.relevance());
            max = Math.max(max, t.relevance());
            if (t.relevant()) {
                topics.add(t.topic());
                themes.addAll(t.relevantThemes());
            }
        }
        String domain = domain(article.canonicalUrl());
        String outlet =
                article.siteName() == null || article.siteName().isBlank()
                        ? domain
                        : article.siteName().strip();
        return new ArticleDocument(
                ArticleDocument.SCHEMA,
                classified.articleId(),
                article.canonicalUrl().toString(),
                article.finalUrl().toString(),
                domain,
                outlet,
                upper(classified.outletCountry()),
                article.feedId(),
                article.title(),
                article.description(),
                article.text(),
                languages,
                article.authors(),
                language,
                classified.language().confidence(),
                time(article.published(), fetchedAt),
                article.published(),
                article.modified(),
                fetchedAt,
                classified.classifiedAt(),
                article.access() != ArticleFetched.Access.OPEN,
                article.access().name(),
                accepted.storyId(),
                accepted.duplicateOf(),
                accepted.similarity(),
                accepted.outcome().name(),
                classified.mentionedCountries().stream().map(ArticleDocuments::upper).toList(),
                classified.mentionedRegions(),
                List.copyOf(topics),
                List.copyOf(themes),
                relevance,
                max,
                article.leadImage() == null ? null : article.leadImage().toString(),
                classified.classifier());
    }

    /** The article's time: published, unless missing or implausibly after the fetch. */
    public static Instant time(Instant published, Instant fetchedAt) {
        if (published == null || published.isAfter(fetchedAt.plus(FUTURE_TOLERANCE))) {
            return fetchedAt;
        }
        return published;
    }

    /** The ISO 639-1 code of the article's language, lower case, or {@code und}. */
    static String language(ArticleClassified classified) {
        String code = classified.language().code();
        if (code == null || code.isBlank() || code.equals("und")) {
            code = classified.article().language();
        }
        if (code == null || code.isBlank()) {
            return "und";
        }
        int dash = code.indexOf('-');
        return (dash > 0 ? code.substring(0, dash) : code).toLowerCase(Locale.ROOT);
    }

    /** Host of {@code url} in lower case without a leading {@code www.}. */
    static String domain(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }
}
