package io.vigil.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An analyst's judgement of an article for a topic: relevant or not, and which themes it touches.
 * Published to {@code Topics.relevanceFeedback()} (compacted) keyed by {@link #key()}, so a later
 * judgement of the same article for the same topic replaces the earlier one. {@code vigil train}
 * adds the feedback to the labelled set. The record carries the article's title and text so that
 * training needs nothing else.
 *
 * @param schema record version of this type
 * @param topic the topic id
 * @param articleId the article id
 * @param relevant whether the article is relevant to the topic
 * @param themes the themes it touches, when the analyst said so
 * @param language the article's language (ISO 639-1), or null
 * @param title the article's headline
 * @param text the article's text
 * @param user who judged
 * @param givenAt when
 */
public record RelevanceFeedback(
        int schema,
        String topic,
        String articleId,
        boolean relevant,
        List<String> themes,
        String language,
        String title,
        String text,
        String user,
        Instant givenAt) {

    public static final int SCHEMA = 1;

    public RelevanceFeedback {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(givenAt, "givenAt");
        themes = themes == null ? List.of() : List.copyOf(themes);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }

    /** The Kafka key: one judgement per topic and article. */
    public String key() {
        return topic + "/" + articleId;
    }
}
