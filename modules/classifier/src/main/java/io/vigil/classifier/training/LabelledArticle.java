package io.vigil.classifier.training;

import java.util.List;
import java.util.Objects;

/**
 * An article labelled for a topic: a line of {@code seeds/labels/*.jsonl}, or an analyst's
 * feedback.
 *
 * @param id unique id within the labelled set
 * @param topic the topic id the label is for
 * @param relevant whether the article is relevant to the topic
 * @param themes the themes it touches (empty when irrelevant)
 * @param language its language (ISO 639-1)
 * @param title headline
 * @param text body text
 * @param countries ISO 3166-1 codes of the countries it mentions, when labelled
 */
public record LabelledArticle(
        String id,
        String topic,
        boolean relevant,
        List<String> themes,
        String language,
        String title,
        String text,
        List<String> countries) {

    public LabelledArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        themes = themes == null ? List.of() : List.copyOf(themes);
        countries = countries == null ? List.of() : List.copyOf(countries);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
