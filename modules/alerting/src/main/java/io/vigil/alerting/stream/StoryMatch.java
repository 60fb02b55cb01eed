package io.vigil.alerting.stream;

import io.vigil.core.alert.AlertDelivery.MatchedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article's matches, on their way to the task that owns its story (the internal repartition
 * topic {@code <application-id>-alerting-by-story-repartition}).
 *
 * @param storyId the article's story
 * @param outlet the outlet that carried it
 * @param article what a notification shows of it
 * @param alertIds the alerts whose query, filters and state accepted it
 * @param matchedAt when it was matched
 */
public record StoryMatch(
        String storyId,
        String outlet,
        MatchedArticle article,
        List<String> alertIds,
        Instant matchedAt) {
    public StoryMatch {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(article, "article");
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
    }
}
