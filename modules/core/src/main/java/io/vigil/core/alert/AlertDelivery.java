package io.vigil.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the delivery log, {@code Topics.alertDeliveries()}, keyed by alert id. The alerting
 * stage writes {@link Kind#MATCHED} once per (alert, story) and {@link Kind#ALSO_CARRIED} for each
 * later copy of the story; its senders write {@link Kind#SENT} or {@link Kind#FAILED} per channel;
 * the API writes {@link Kind#TEST} for a test-send.
 *
 * @param schema record version of this type
 * @param deliveryId {@link #idOf(String, String) alert id and story id}; the same for every entry
 *     about one (alert, story), and what senders are idempotent on
 * @param alertId the alert
 * @param storyId the story
 * @param kind what this entry says
 * @param channel the channel for {@code SENT} and {@code FAILED}, else null
 * @param article the article that matched (the story's first matching copy for {@code MATCHED}, the
 *     later copy for {@code ALSO_CARRIED})
 * @param alsoCarriedBy outlets known to carry the story, first first
 * @param detail why it failed, or what was sent (recipients, HTTP status)
 * @param at when this entry was written
 */
public record AlertDelivery(
        int schema,
        String deliveryId,
        String alertId,
        String storyId,
        Kind kind,
        Channel channel,
        MatchedArticle article,
        List<String> alsoCarriedBy,
        String detail,
        Instant at) {

    public static final int SCHEMA = 1;

    public AlertDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        alsoCarriedBy = alsoCarriedBy == null ? List.of() : List.copyOf(alsoCarriedBy);
    }

    /** The delivery id of a story for an alert. */
    public static String idOf(String alertId, String storyId) {
        return alertId + "/" + storyId;
    }

    /** The key of a channel's outcome: the delivery id and the channel. */
    public String channelKey() {
        return deliveryId + "#" + channel;
    }

    /** What an entry of the log says. */
    public enum Kind {
        /** The first article of a story matched: deliver it. */
        MATCHED,
        /** A later copy of a story already matched: recorded, not delivered again. */
        ALSO_CARRIED,
        /** A test-send was asked for: deliver a sample to every channel. */
        TEST,
        /** A channel delivered it. */
        SENT,
        /** A channel gave up on it (after retries, or at once for a permanent error). */
        FAILED
    }

    /** Where a delivery went. */
    public enum Channel {
        EMAIL,
        EMAIL_DIGEST,
        WEBHOOK
    }

    /**
     * The article of an entry, as much as a notification shows.
     *
     * @param articleId the article id
     * @param url its canonical URL
     * @param title its headline, or null
     * @param outlet the outlet's name (site name, else domain)
     * @param language ISO 639-1 code
     * @param published its time (published, else fetched)
     * @param snippet the first words of the text
     */
    public record MatchedArticle(
            String articleId,
            String url,
            String title,
            String outlet,
            String language,
            Instant published,
            String snippet) {
        public MatchedArticle {
            Objects.requireNonNull(articleId, "articleId");
            Objects.requireNonNull(url, "url");
        }
    }
}
