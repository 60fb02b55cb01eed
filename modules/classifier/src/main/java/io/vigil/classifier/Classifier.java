package io.vigil.classifier;

import io.vigil.classifier.language.LanguageIdentifier;
import io.vigil.classifier.place.Gazetteer;
import io.vigil.classifier.place.OutletCountries;
import io.vigil.classifier.topic.ArticleEvidence;
import io.vigil.classifier.topic.TermSets;
import io.vigil.classifier.topic.TopicScorer;
import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.ArticleClassified.DetectedLanguage;
import io.vigil.core.event.ArticleClassified.TopicRelevance;
import io.vigil.core.event.ArticleFetched;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Classifies an accepted article: its language, its relevance to every topic and theme, the places
 * it names and its outlet's country. Pure and thread-safe: the same article and configuration give
 * the same result.
 */
public final class Classifier {

    private final LanguageIdentifier languages;
    private final List<TopicScorer> topics;
    private final List<TermSets> termSets;
    private final Gazetteer gazetteer;
    private final String version;
    private final Clock clock;

    /**
     * @param version names the configuration and models, recorded in every output
     */
    public Classifier(
            LanguageIdentifier languages,
            List<TopicScorer> topics,
            Gazetteer gazetteer,
            String version,
            Clock clock) {
        this.languages = Objects.requireNonNull(languages, "languages");
        this.topics = List.copyOf(topics);
        this.termSets = this.topics.stream().map(TopicScorer::termSets).toList();
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.version = Objects.requireNonNull(version, "version");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param feedCountry the country configured for the article's feed, or null
     */
    public ArticleClassified classify(ArticleAccepted accepted, String feedCountry) {
        ArticleFetched article = accepted.article();
        String title = article.title() == null ? "" : article.title();
        String text = textOf(article);
        DetectedLanguage language = languages.identify(title, text);
        ArticleEvidence evidence = new ArticleEvidence(title, text, termSets);
        List<String> tokens = evidence.tokens();
        List<TopicRelevance> relevance = new ArrayList<>(topics.size());
        for (TopicScorer topic : topics) {
            relevance.add(topic.score(evidence));
        }
        relevance.sort(Comparator.comparingDouble(TopicRelevance::relevance).reversed());
        Gazetteer.Mentions places = gazetteer.find(tokens);
        return new ArticleClassified(
                ArticleClassified.SCHEMA,
                accepted.articleId(),
                accepted,
                language,
                relevance,
                places.countries(),
                places.regions(),
                OutletCountries.of(feedCountry, article.canonicalUrl()),
                version,
                clock.instant());
    }

    /** The text to judge: the article's, or for a teaser page its description and feed summary. */
    private static String textOf(ArticleFetched article) {
        if (!article.text().isBlank()) {
            return article.text();
        }
        StringBuilder s = new StringBuilder();
        if (article.description() != null) {
            s.append(article.description()).append("\n\n");
        }
        if (article.feedSummary() != null) {
            s.append(article.feedSummary());
        }
        return s.toString();
    }

    public List<TopicScorer> topics() {
        return topics;
    }

    public String version() {
        return version;
    }
}
