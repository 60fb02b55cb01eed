package io.vigil.core.kafka;

import java.util.List;
import java.util.Objects;

/**
 * Every Kafka topic name Vigil uses, and the rule for dead-letter topics. Nothing else spells a
 * topic name.
 *
 * <p>An optional prefix keeps several deployments (or tests) apart on one cluster: with prefix
 * {@code "t42."} the feeds topic is {@code "t42.vigil.feeds"}. Listeners refer to a topic through
 * the {@code topics} bean, e.g. {@code @KafkaListener(topics = "#{@topics.articlesFetched()}")}.
 *
 * @param prefix prepended to every name; empty in production
 */
public record Topics(String prefix) {

    /** Feed definitions, compacted, keyed by feed id. */
    public static final String FEEDS = "vigil.feeds";

    /** What the crawler remembers per feed, compacted, keyed by feed id. */
    public static final String FEED_STATE = "vigil.feed-state";

    /** New feed entries, keyed by the article's host. */
    public static final String ENTRIES_DISCOVERED = "vigil.entries.discovered";

    /** Fetched and extracted articles, keyed by article id. */
    public static final String ARTICLES_FETCHED = "vigil.articles.fetched";

    /** Deduplicated articles with their story, keyed by article id. */
    public static final String ARTICLES_ACCEPTED = "vigil.articles.accepted";

    /** Classified articles, keyed by article id. */
    public static final String ARTICLES_CLASSIFIED = "vigil.articles.classified";

    /** Analysts' relevance judgements, compacted, keyed by topic and article id. */
    public static final String RELEVANCE_FEEDBACK = "vigil.relevance-feedback";

    /** Saved alert queries, compacted, keyed by alert id. */
    public static final String ALERTS = "vigil.alerts";

    /** Alert deliveries, keyed by alert id. */
    public static final String ALERT_DELIVERIES = "vigil.alert-deliveries";

    /** Users of the API and UI, compacted, keyed by user name. */
    public static final String USERS = "vigil.users";

    private static final String DEAD_LETTERS = "vigil.dlq.";

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** Production names, without a prefix. */
    public static Topics unprefixed() {
        return new Topics("");
    }

    public String feeds() {
        return prefix + FEEDS;
    }

    public String feedState() {
        return prefix + FEED_STATE;
    }

    public String entriesDiscovered() {
        return prefix + ENTRIES_DISCOVERED;
    }

    public String articlesFetched() {
        return prefix + ARTICLES_FETCHED;
    }

    public String articlesAccepted() {
        return prefix + ARTICLES_ACCEPTED;
    }

    public String articlesClassified() {
        return prefix + ARTICLES_CLASSIFIED;
    }

    public String relevanceFeedback() {
        return prefix + RELEVANCE_FEEDBACK;
    }

    public String alerts() {
        return prefix + ALERTS;
    }

    public String alertDeliveries() {
        return prefix + ALERT_DELIVERIES;
    }

    public String users() {
        return prefix + USERS;
    }

    /**
     * The dead-letter topic of a stage: what it could not process, with the reason.
     *
     * @param stage a stage name such as {@code crawler} or {@code dedup}: lower case letters,
     *     digits and dashes
     */
    public String deadLetters(String stage) {
        if (!stage.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("not a stage name: " + stage);
        }
        return prefix + DEAD_LETTERS + stage;
    }

    /** All pipeline topics (dead-letter topics excluded), in data-flow order. */
    public List<String> all() {
        return List.of(
                feeds(),
                feedState(),
                entriesDiscovered(),
                articlesFetched(),
                articlesAccepted(),
                articlesClassified(),
                relevanceFeedback(),
                alerts(),
                alertDeliveries());
    }
}
