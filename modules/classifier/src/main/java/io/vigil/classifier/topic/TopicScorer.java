package io.vigil.classifier.topic;

import io.vigil.classifier.model.TextModel;
import io.vigil.core.event.ArticleClassified.ThemeRelevance;
import io.vigil.core.event.ArticleClassified.TopicRelevance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

/**
 * Scores articles against one topic. Relevance (0..1) blends three kinds of evidence:
 *
 * <ul>
 *   <li><b>queries</b> ({@value #QUERY_SHARE}): the weight of the strongest include query that
 *       matches; a match in the headline adds {@value #TITLE_BONUS};
 *   <li><b>density</b> ({@value #DENSITY_SHARE}): occurrences of the topic's terms per 100 words,
 *       saturating ({@code 1 - e^(-d/}{@value #DENSITY_SCALE}{@code )});
 *   <li><b>text model</b> ({@value #MODEL_SHARE}): the trained model's probability; without a model
 *       its share goes to the queries and density in proportion.
 * </ul>
 *
 * An exclude query (a false friend such as a pipe organ) halves the relevance unless an include
 * query of weight ≥ {@value #STRONG} matched. A theme's relevance is the topic's relevance capped
 * by the theme's own evidence: {@value #THEME_BODY} for a match in the text, plus {@value
 * #THEME_TITLE} for a match in the headline. Immutable and thread-safe.
 */
public final class TopicScorer {

    static final double QUERY_SHARE = 0.45;
    static final double DENSITY_SHARE = 0.15;
    static final double MODEL_SHARE = 0.40;
    static final double TITLE_BONUS = 0.1;
    static final double DENSITY_SCALE = 1.5;
    static final double STRONG = 0.9;
    static final double THEME_BODY = 0.6;
    static final double THEME_TITLE = 0.4;

    private final TopicDefinition topic;
    private final TextModel model;
    private final List<Compiled> include = new ArrayList<>();
    private final List<EvidenceQuery> exclude = new ArrayList<>();
    private final List<CompiledTheme> themes = new ArrayList<>();
    private final List<String> density;
    private final TermSets termSets;

    private record Compiled(EvidenceQuery title, EvidenceQuery body, double weight) {}

    private record CompiledTheme(
            TopicDefinition.Theme theme, EvidenceQuery title, EvidenceQuery body) {}

    /**
     * @param model the topic's trained text model, or null to score by queries and density alone
     * @throws InvalidTopicException when a query does not parse
     */
    public TopicScorer(TopicDefinition topic, TextModel model) {
        this.topic = topic;
        this.model = model;
        this.termSets = new TermSets(topic.id(), topic.terms());
        TopicQueryParser title =
                new TopicQueryParser(ArticleEvidence.TITLE, topic.id(), topic.terms());
        TopicQueryParser body =
                new TopicQueryParser(ArticleEvidence.BODY, topic.id(), topic.terms());
        for (TopicDefinition.WeightedQuery q : topic.include()) {
            include.add(
                    new Compiled(
                            EvidenceQuery.of(parse(title, q.query()), true),
                            EvidenceQuery.of(parse(body, q.query()), false),
                            q.weight()));
        }
        // Strongest first: the first that matches decides.
        include.sort(Comparator.comparingDouble(Compiled::weight).reversed());
        for (String q : topic.exclude()) {
            exclude.add(EvidenceQuery.of(parse(body, q), false));
        }
        for (TopicDefinition.Theme t : topic.themes()) {
            themes.add(
                    new CompiledTheme(
                            t,
                            EvidenceQuery.of(parse(title, t.query()), true),
                            EvidenceQuery.of(parse(body, t.query()), false)));
        }
        List<String> densitySets =
                topic.density().isEmpty() ? List.copyOf(topic.terms().keySet()) : topic.density();
        for (String set : densitySets) {
            if (!topic.terms().containsKey(set)) {
                throw new InvalidTopicException(
                        topic.id() + ": density names an undefined term set '" + set + "'");
            }
        }
        this.density = densitySets;
    }

    /** The topic's term sets, for {@link ArticleEvidence}. */
    public TermSets termSets() {
        return termSets;
    }

    public TopicDefinition topic() {
        return topic;
    }

    /** Whether a trained text model takes part. */
    public boolean hasModel() {
        return model != null;
    }

    /**
     * Scores one article.
     *
     * @param evidence the article in memory, built with this topic's {@link #termSets()}
     */
    public TopicRelevance score(ArticleEvidence evidence) {
        List<String> tokens = evidence.tokens();
        double query = 0;
        for (Compiled q : include) {
            if (q.body().matches(evidence)) {
                query = q.weight();
                break;
            }
        }
        boolean titleMatch = false;
        for (Compiled q : include) {
            if (q.title().matches(evidence)) {
                titleMatch = true;
                break;
            }
        }
        if (titleMatch) {
            query = Math.min(1, Math.max(query, 0.5) + TITLE_BONUS);
        }
        int words = Math.max(1, tokens.size());
        int occurrences = 0;
        for (String set : density) {
            occurrences += evidence.setCount(topic.id(), set);
        }
        double perHundred = 100.0 * occurrences / words;
        double densityScore = 1 - Math.exp(-perHundred / DENSITY_SCALE);
        double relevance;
        if (model != null) {
            relevance =
                    QUERY_SHARE * query
                            + DENSITY_SHARE * densityScore
                            + MODEL_SHARE * model.relevance(tokens);
        } else {
            double total = QUERY_SHARE + DENSITY_SHARE;
            relevance = (QUERY_SHARE * query + DENSITY_SHARE * densityScore) / total;
        }
        if (query < STRONG) {
            for (EvidenceQuery q : exclude) {
                if (q.matches(evidence)) {
                    relevance /= 2;
                    break;
                }
            }
        }
        relevance = clamp(relevance);
        boolean relevant = relevance >= topic.threshold();
        return new TopicRelevance(topic.id(), relevance, relevant, themes(evidence, relevance));
    }

    private List<ThemeRelevance> themes(ArticleEvidence evidence, double topicRelevance) {
        List<ThemeRelevance> result = new ArrayList<>();
        for (CompiledTheme t : themes) {
            if (!t.body().matches(evidence)) {
                continue;
            }
            double own = THEME_BODY;
            if (t.title().matches(evidence)) {
                own += THEME_TITLE;
            }
            double relevance = clamp(Math.min(own, topicRelevance));
            result.add(
                    new ThemeRelevance(
                            t.theme().id(), relevance, relevance >= t.theme().threshold()));
        }
        result.sort(Comparator.comparingDouble(ThemeRelevance::relevance).reversed());
        return result;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private Query parse(TopicQueryParser parser, String query) {
        try {
            return parser.parse(query);
        } catch (ParseException e) {
            throw new InvalidTopicException(
                    topic.id() + ": query does not parse: " + query + ": " + e.getMessage());
        }
    }
}
