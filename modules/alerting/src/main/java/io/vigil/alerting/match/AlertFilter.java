package io.vigil.alerting.match;

import io.vigil.alerting.query.ArticleFields;
import io.vigil.core.alert.Alert;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.ArticleClassified.TopicRelevance;
import io.vigil.core.event.ArticleFetched;
import java.util.List;
import java.util.Locale;

/**
 * Whether an article meets an alert's filters, with the meaning of the search API's parameters of
 * the same names: languages, outlets (name or domain, case-insensitive), mentioned countries,
 * relevant topics and themes, and a least relevance (to one of the filter's topics when it names
 * any, else to any topic). Pure; thread-safe.
 */
public final class AlertFilter {

    private AlertFilter() {}

    public static boolean accepts(Alert.Filters filters, ArticleClassified article) {
        if (!filters.languages().isEmpty()
                && !containsIgnoreCase(filters.languages(), ArticleFields.language(article))) {
            return false;
        }
        if (!filters.outlets().isEmpty()) {
            ArticleFetched fetched = article.article();
            String domain = ArticleFields.domain(fetched.canonicalUrl());
            if (!containsIgnoreCase(filters.outlets(), domain)
                    && !containsIgnoreCase(
                            filters.outlets(), ArticleFields.outlet(fetched, domain))) {
                return false;
            }
        }
        if (!filters.countries().isEmpty()
                && article.mentionedCountries().stream()
                        .noneMatch(c -> containsIgnoreCase(filters.countries(), c))) {
            return false;
        }
        if (!filters.themes().isEmpty()
                && article.topics().stream()
                        .filter(TopicRelevance::relevant)
                        .flatMap(t -> t.relevantThemes().stream())
                        .noneMatch(filters.themes()::contains)) {
            return false;
        }
        Double min = filters.minRelevance();
        if (min != null) {
            return article.topics().stream()
                    .filter(t -> filters.topics().isEmpty() || filters.topics().contains(t.topic()))
                    .anyMatch(t -> t.relevance() >= min);
        }
        return filters.topics().isEmpty()
                || article.topics().stream()
                        .anyMatch(t -> t.relevant() && filters.topics().contains(t.topic()));
    }

    private static boolean containsIgnoreCase(List<String> values, String value) {
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        for (String candidate : values) {
            if (candidate.toLowerCase(Locale.ROOT).equals(v)) {
                return true;
            }
        }
        return false;
    }
}
