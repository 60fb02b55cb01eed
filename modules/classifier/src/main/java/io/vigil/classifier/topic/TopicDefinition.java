package io.vigil.classifier.topic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A monitored topic as configured in {@code config/topics/<id>.yml}: named multilingual term sets,
 * include and exclude queries in Lucene syntax (which refer to a term set as {@code @name}), and
 * the topic's themes.
 *
 * @param id the topic's id, also its file name
 * @param name a human-readable name
 * @param description what the topic covers, or null
 * @param threshold relevance from which an article is relevant (0..1)
 * @param terms term sets by name: words and phrases in any language; a trailing {@code *} on a word
 *     matches its endings
 * @param density the term sets whose occurrences per 100 words count as evidence; all sets when
 *     empty
 * @param include queries that are evidence for the topic, with how sure a match alone makes us
 * @param exclude queries that mark a known false friend
 * @param themes the topic's themes
 */
public record TopicDefinition(
        String id,
        String name,
        String description,
        double threshold,
        Map<String, List<String>> terms,
        List<String> density,
        List<WeightedQuery> include,
        List<String> exclude,
        List<Theme> themes) {

    public TopicDefinition {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        terms = terms == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        density = density == null ? List.of() : List.copyOf(density);
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /**
     * An include query.
     *
     * @param query Lucene query syntax; {@code @name} stands for a term set
     * @param weight how sure a match alone makes us that the article is on the topic (0..1)
     */
    public record WeightedQuery(String query, double weight) {
        public WeightedQuery {
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * A theme of the topic.
     *
     * @param id the theme's id, unique within its topic
     * @param name a human-readable name
     * @param query what marks an article as touching the theme
     * @param threshold relevance from which the theme counts (0..1)
     */
    public record Theme(String id, String name, String query, double threshold) {
        public Theme {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(query, "query");
            name = name == null ? id : name;
        }
    }
}
