package io.vigil.alerting.stream;

import io.vigil.alerting.match.AlertMatcher;
import io.vigil.alerting.query.ArticleFields;
import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import io.vigil.core.alert.AlertDelivery.MatchedArticle;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting topology: classified articles in; matched against every alert (on the input's
 * partitions, in parallel); the matches re-keyed by story id so that one task sees every copy of a
 * story; once per (alert, story) a {@code MATCHED} entry, then {@code ALSO_CARRIED} entries, to the
 * delivery log. Unreadable input goes to {@code vigil.dlq.alerting}; nothing else is lost.
 */
public final class AlertTopology {

    /** The stage's name, as in its dead-letter topic. */
    public static final String STAGE = "alerting";

    private static final Logger LOG = LoggerFactory.getLogger(AlertTopology.class);

    /** Characters of text a notification shows. */
    private static final int SNIPPET = 280;

    /** One input record's fate. */
    record Outcome(StoryMatch match, DeadLetter deadLetter) {}

    private AlertTopology() {}

    /**
     * @param horizon how long a story stays delivered for an alert after its last matching copy
     * @param sweepInterval how often forgotten stories are swept from the store
     */
    public static Topology build(
            AlertMatcher matcher,
            Topics topics,
            Duration horizon,
            Duration sweepInterval,
            Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(StoryDeliveries.STORE),
                        Serdes.String(),
                        JsonSerde.of(StorySeen.class)));
        JsonSerde<ArticleClassified> input = JsonSerde.of(ArticleClassified.class);
        KStream<String, Outcome> matched =
                builder.stream(
                                topics.articlesClassified(),
                                Consumed.with(Serdes.String(), Serdes.ByteArray())
                                        .withName("classified"))
                        .mapValues(
                                (key, value) -> match(input, matcher, topics, key, value, clock),
                                Named.as("match"));
        matched.filter((k, o) -> o.deadLetter() != null, Named.as("failed"))
                .mapValues(Outcome::deadLetter, Named.as("dead-letter"))
                .to(
                        topics.deadLetters(STAGE),
                        Produced.with(Serdes.String(), JsonSerde.of(DeadLetter.class))
                                .withName("dlq"));
        matched.filter(
                        (k, o) -> o.match() != null && !o.match().alertIds().isEmpty(),
                        Named.as("matched"))
                .map(
                        (k, o) ->
                                org.apache.kafka.streams.KeyValue.pair(
                                        o.match().storyId(), o.match()),
                        Named.as("by-story"))
                .repartition(
                        Repartitioned.with(Serdes.String(), JsonSerde.of(StoryMatch.class))
                                .withName("alerting-by-story"))
                .process(
                        () -> new StoryDeliveries(horizon, sweepInterval),
                        Named.as("once-per-story"),
                        StoryDeliveries.STORE)
                .to(
                        topics.alertDeliveries(),
                        Produced.with(Serdes.String(), JsonSerde.of(AlertDelivery.class))
                                .withName("deliveries"));
        return builder.build();
    }

    private static Outcome match(
            JsonSerde<ArticleClassified> serde,
            AlertMatcher matcher,
            Topics topics,
            String key,
            byte[] value,
            Clock clock) {
        if (value == null || value.length == 0) {
            return dead(topics, key, value, "EMPTY_RECORD", "no value");
        }
        ArticleClassified article;
        try {
            article = serde.deserialize(topics.articlesClassified(), value);
        } catch (SerializationException | IllegalArgumentException e) {
            String detail =
                    e.getCause() == null
                            ? e.getMessage()
                            : e.getMessage() + ": " + e.getCause().getMessage();
            LOG.warn("Unreadable record {} on {}: {}", key, topics.articlesClassified(), detail);
            return dead(topics, key, value, "UNREADABLE_RECORD", detail);
        }
        if (article == null) {
            return dead(topics, key, value, "EMPTY_RECORD", "JSON null");
        }
        Instant now = clock.instant();
        List<String> ids = matcher.match(article, now).stream().map(Alert::id).toList();
        ArticleFetched fetched = article.article();
        String domain = ArticleFields.domain(fetched.canonicalUrl());
        String outlet = ArticleFields.outlet(fetched, domain);
        return new Outcome(
                new StoryMatch(
                        ArticleFields.storyId(article), outlet, summary(article, outlet), ids, now),
                null);
    }

    /** What a notification shows of an article. */
    public static MatchedArticle summary(ArticleClassified article, String outlet) {
        ArticleFetched fetched = article.article();
        String text = fetched.text() == null ? "" : fetched.text().strip();
        String snippet = text.length() <= SNIPPET ? text : text.substring(0, SNIPPET) + "…";
        Instant published =
                fetched.published() != null ? fetched.published() : fetched.fetch().fetchedAt();
        return new MatchedArticle(
                article.articleId(),
                fetched.canonicalUrl().toString(),
                fetched.title(),
                outlet,
                ArticleFields.language(article),
                published,
                snippet);
    }

    private static Outcome dead(
            Topics topics, String key, byte[] value, String reason, String detail) {
        return new Outcome(
                null,
                new DeadLetter(
                        DeadLetter.SCHEMA,
                        STAGE,
                        "1",
                        topics.articlesClassified(),
                        key,
                        value == null ? null : new String(value, StandardCharsets.UTF_8),
                        reason,
                        detail,
                        Instant.now()));
    }
}
