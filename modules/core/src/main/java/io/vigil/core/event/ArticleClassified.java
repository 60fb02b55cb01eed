package io.vigil.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An accepted article with what it is about: its language, its relevance to every monitored topic
 * and theme, and the places it mentions. Published to {@code Topics.articlesClassified()} keyed by
 * {@link #articleId()}; the indexer and the alerting stage read it.
 *
 * @param schema record version of this type
 * @param articleId stable article id, as in {@link ArticleAccepted#articleId()}
 * @param accepted the article and its story, as the dedup stage accepted it
 * @param language the detected language
 * @param topics relevance to each configured topic, most relevant first; every configured topic
 *     appears, also with relevance 0
 * @param mentionedCountries countries the title and text mention (ISO 3166-1 alpha-2), most
 *     mentioned first
 * @param mentionedRegions major regions the title and text mention (gazetteer ids such as {@code
 *     xinjiang} or {@code tibet}), most mentioned first
 * @param outletCountry the outlet's country (ISO 3166-1 alpha-2): from the feed's definition, else
 *     from a country-code domain, else null
 * @param classifier the classifier's version: the topic configuration's and the model's digests
 * @param classifiedAt when it was classified
 */
public record ArticleClassified(
        int schema,
        String articleId,
        ArticleAccepted accepted,
        DetectedLanguage language,
        List<TopicRelevance> topics,
        List<String> mentionedCountries,
        List<String> mentionedRegions,
        String outletCountry,
        String classifier,
        Instant classifiedAt) {

    public static final int SCHEMA = 1;

    public ArticleClassified {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(classifiedAt, "classifiedAt");
        topics = topics == null ? List.of() : List.copyOf(topics);
        mentionedCountries =
                mentionedCountries == null ? List.of() : List.copyOf(mentionedCountries);
        mentionedRegions = mentionedRegions == null ? List.of() : List.copyOf(mentionedRegions);
    }

    /** The article as fetched. */
    public ArticleFetched article() {
        return accepted.article();
    }

    /** The ids of the topics this article is relevant to (at or above their threshold). */
    public List<String> relevantTopics() {
        return topics.stream().filter(TopicRelevance::relevant).map(TopicRelevance::topic).toList();
    }

    /**
     * A language and how sure the detector is.
     *
     * @param code ISO 639-1 code (e.g. {@code en}, {@code zh}, {@code ug}), or {@code und} when the
     *     text is too short or mixed to tell
     * @param confidence from 0 to 1
     */
    public record DetectedLanguage(String code, double confidence) {

        /** Undetermined: no letters to go by. */
        public static final String UNDETERMINED = "und";

        public DetectedLanguage {
            Objects.requireNonNull(code, "code");
            checkUnit(confidence, "confidence");
        }
    }

    /**
     * How relevant an article is to one monitored topic.
     *
     * @param topic the topic's id (its file name in {@code config/topics})
     * @param relevance from 0 (unrelated) to 1 (certainly about the topic)
     * @param relevant whether {@code relevance} reaches the topic's threshold and no exclude query
     *     matched
     * @param themes relevance to each of the topic's themes that has any evidence, most relevant
     *     first
     */
    public record TopicRelevance(
            String topic, double relevance, boolean relevant, List<ThemeRelevance> themes) {
        public TopicRelevance {
            Objects.requireNonNull(topic, "topic");
            checkUnit(relevance, "relevance");
            themes = themes == null ? List.of() : List.copyOf(themes);
        }

        /** The ids of the themes at or above their threshold. */
        public List<String> relevantThemes() {
            return themes.stream()
                    .filter(ThemeRelevance::relevant)
                    .map(ThemeRelevance::theme)
                    .toList();
        }
    }

    /**
     * How relevant an article is to one theme of a topic.
     *
     * @param theme the theme's id within its topic
     * @param relevance from 0 to 1
     * @param relevant whether {@code relevance} reaches the theme's threshold
     */
    public record ThemeRelevance(String theme, double relevance, boolean relevant) {
        public ThemeRelevance {
            Objects.requireNonNull(theme, "theme");
            checkUnit(relevance, "relevance");
        }
    }

    private static void checkUnit(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " out of [0, 1]: " + value);
        }
    }
}
