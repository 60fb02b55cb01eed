package io.vigil.core.alert;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A saved query and where its matches go. Published to {@code Topics.alerts()} (compacted) keyed by
 * {@link #id()}; a tombstone deletes it. Every alerting instance holds all alerts.
 *
 * @param schema record version of this type
 * @param id stable alert id
 * @param owner who owns it (a user name or email address)
 * @param name a short name, shown in subjects and feeds
 * @param query the query, in the search API's syntax (Lucene classic, AND by default)
 * @param filters what an article must also be; empty filters let everything through
 * @param delivery where matches go
 * @param muted true to stop deliveries until unmuted (matches are not recorded either)
 * @param snoozedUntil no deliveries before this time, or null
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Alert(
        int schema,
        String id,
        String owner,
        String name,
        String query,
        Filters filters,
        Delivery delivery,
        boolean muted,
        Instant snoozedUntil,
        Instant createdAt,
        Instant updatedAt) {

    public static final int SCHEMA = 1;

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(createdAt, "createdAt");
        name = name == null || name.isBlank() ? query : name;
        filters = filters == null ? Filters.NONE : filters;
        delivery = delivery == null ? Delivery.NONE : delivery;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** Whether matches are delivered at {@code now}: neither muted nor snoozed. */
    public boolean activeAt(Instant now) {
        return !muted && (snoozedUntil == null || !now.isBefore(snoozedUntil));
    }

    /**
     * Conditions an article must meet besides the query; each list is "any of", an empty list no
     * condition. They mean what the search API's parameters of the same names mean.
     *
     * @param languages ISO 639-1 codes of the article's language
     * @param outlets outlet names or domains (case-insensitive)
     * @param countries ISO 3166-1 alpha-2 codes of countries the article mentions
     * @param topics ids of topics the article is relevant to
     * @param themes ids of themes the article is relevant to
     * @param minRelevance the least relevance: to one of {@code topics} when given, else to any
     *     topic; null for no condition
     */
    public record Filters(
            List<String> languages,
            List<String> outlets,
            List<String> countries,
            List<String> topics,
            List<String> themes,
            Double minRelevance) {

        /** No conditions. */
        public static final Filters NONE = new Filters(null, null, null, null, null, null);

        public Filters {
            languages = copy(languages);
            outlets = copy(outlets);
            countries = copy(countries);
            topics = copy(topics);
            themes = copy(themes);
            if (minRelevance != null && !(minRelevance >= 0 && minRelevance <= 1)) {
                throw new IllegalArgumentException("minRelevance out of [0, 1]: " + minRelevance);
            }
        }
    }

    /**
     * The channels of an alert; any may be null.
     *
     * @param email email, instant or as a digest
     * @param webhook an HTTP POST per match
     * @param feed an Atom feed of the matches
     */
    public record Delivery(Email email, Webhook webhook, Feed feed) {

        /** No channel: matches are only recorded (history). */
        public static final Delivery NONE = new Delivery(null, null, null);
    }

    /**
     * Email delivery.
     *
     * @param to recipients
     * @param schedule at once, or a digest
     * @param at the digest's local time (default 08:00); ignored for {@code INSTANT}; for {@code
     *     HOURLY} only its minutes count
     * @param zone the owner's time zone for {@code at} (default UTC)
     * @param day the day of a weekly digest (default Monday)
     */
    public record Email(
            List<String> to, Schedule schedule, LocalTime at, ZoneId zone, DayOfWeek day) {
        public Email {
            to = copy(to);
            if (to.isEmpty()) {
                throw new IllegalArgumentException("an email delivery needs a recipient");
            }
            schedule = schedule == null ? Schedule.INSTANT : schedule;
            at = at == null ? LocalTime.of(8, 0) : at;
            zone = zone == null ? ZoneId.of("UTC") : zone;
            day = day == null ? DayOfWeek.MONDAY : day;
        }
    }

    /** When email goes out. */
    public enum Schedule {
        /** One email per story, at once. */
        INSTANT,
        /** One email an hour listing the stories, at {@code at}'s minute. */
        HOURLY,
        /** One email a day at {@code at}. */
        DAILY,
        /** One email a week, on {@code day} at {@code at}. */
        WEEKLY
    }

    /**
     * Webhook delivery: a POST per story, signed with {@code X-Vigil-Signature: sha256=<hex
     * HMAC-SHA256 of the body with secret>}.
     *
     * @param url where to POST
     * @param secret the HMAC key, or null for no signature
     * @param format Vigil's JSON payload, or Slack's incoming-webhook payload
     */
    public record Webhook(URI url, String secret, WebhookFormat format) {
        public Webhook {
            Objects.requireNonNull(url, "url");
            format = format == null ? WebhookFormat.JSON : format;
        }
    }

    /** The body of a webhook. */
    public enum WebhookFormat {
        /** {@code AlertDelivery} as JSON. */
        JSON,
        /** {@code {"text": "..."}} for Slack (and compatible) incoming webhooks. */
        SLACK
    }

    /**
     * An Atom feed of the alert's deliveries at {@code /api/alerts/{id}/feed?token=…}.
     *
     * @param token the secret that opens the feed
     */
    public record Feed(String token) {
        public Feed {
            Objects.requireNonNull(token, "token");
        }
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
