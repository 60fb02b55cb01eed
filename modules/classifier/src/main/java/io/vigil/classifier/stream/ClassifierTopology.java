package io.vigil.classifier.stream;

import io.vigil.classifier.Classifier;
import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.feed.Feed;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier's Kafka Streams topology: accepted articles in, joined with the feeds table for
 * the outlet's country, classified, out to the classified-articles topic. Stateless apart from the
 * feeds table (a global table: every instance holds all feeds), so it scales with the input's
 * partitions. A record that cannot be read or classified becomes a dead letter on {@code
 * vigil.dlq.classifier}; nothing else is lost.
 */
public final class ClassifierTopology {

    /** The stage's name, as in its dead-letter topic. */
    public static final String STAGE = "classifier";

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierTopology.class);

    /** Reasons given in dead letters. */
    enum Reason {
        /** The value is not an {@code ArticleAccepted} in JSON. */
        UNREADABLE_RECORD,
        /** The value is empty (a tombstone). */
        EMPTY_RECORD,
        /** Classification failed on this article. */
        CLASSIFICATION_FAILED
    }

    /** One input record's fate: classified, or a dead letter. */
    record Outcome(ArticleAccepted accepted, ArticleClassified classified, DeadLetter deadLetter) {}

    private ClassifierTopology() {}

    public static Topology build(Classifier classifier, Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<ArticleAccepted> input = JsonSerde.of(ArticleAccepted.class);
        GlobalKTable<String, Feed> feeds =
                builder.globalTable(
                        topics.feeds(),
                        Consumed.with(Serdes.String(), JsonSerde.of(Feed.class)).withName("feeds"),
                        Materialized.as("classifier-feeds"));
        KStream<String, Outcome> read =
                builder.stream(
                                topics.articlesAccepted(),
                                Consumed.with(Serdes.String(), Serdes.ByteArray())
                                        .withName("accepted"))
                        .mapValues(
                                (key, value) -> read(input, topics, key, value, classifier),
                                Named.as("read"));
        KStream<String, Outcome> classified =
                read.leftJoin(
                        feeds,
                        (key, outcome) ->
                                outcome.accepted() == null
                                        ? null
                                        : outcome.accepted().article().feedId(),
                        (key, outcome, feed) -> classify(classifier, topics, key, outcome, feed),
                        Named.as("classify"));
        classified
                .filter((key, outcome) -> outcome.classified() != null, Named.as("ok"))
                .mapValues(Outcome::classified, Named.as("classified"))
                .to(
                        topics.articlesClassified(),
                        Produced.with(Serdes.String(), JsonSerde.of(ArticleClassified.class))
                                .withName("out"));
        classified
                .filter((key, outcome) -> outcome.deadLetter() != null, Named.as("failed"))
                .mapValues(Outcome::deadLetter, Named.as("dead-letter"))
                .to(
                        topics.deadLetters(STAGE),
                        Produced.with(Serdes.String(), JsonSerde.of(DeadLetter.class))
                                .withName("dlq"));
        return builder.build();
    }

    private static Outcome read(
            JsonSerde<ArticleAccepted> serde,
            Topics topics,
            String key,
            byte[] value,
            Classifier classifier) {
        if (value == null || value.length == 0) {
            return dead(topics, key, value, Reason.EMPTY_RECORD, "no value", classifier);
        }
        try {
            ArticleAccepted accepted = serde.deserialize(topics.articlesAccepted(), value);
            if (accepted == null) {
                return dead(topics, key, value, Reason.EMPTY_RECORD, "JSON null", classifier);
            }
            return new Outcome(accepted, null, null);
        } catch (SerializationException | IllegalArgumentException e) {
            String detail =
                    e.getCause() == null
                            ? e.getMessage()
                            : e.getMessage() + ": " + e.getCause().getMessage();
            LOG.warn("Unreadable record {} on {}: {}", key, topics.articlesAccepted(), detail);
            return dead(topics, key, value, Reason.UNREADABLE_RECORD, detail, classifier);
        }
    }

    private static Outcome classify(
            Classifier classifier, Topics topics, String key, Outcome outcome, Feed feed) {
        if (outcome.accepted() == null) {
            return outcome;
        }
        try {
            String country = feed == null ? null : feed.country();
            return new Outcome(null, classifier.classify(outcome.accepted(), country), null);
        } catch (RuntimeException e) {
            LOG.warn("Cannot classify article {}: {}", key, e.toString());
            byte[] value =
                    JsonSerde.of(ArticleAccepted.class)
                            .serialize(topics.articlesAccepted(), outcome.accepted());
            return dead(topics, key, value, Reason.CLASSIFICATION_FAILED, e.toString(), classifier);
        }
    }

    private static Outcome dead(
            Topics topics,
            String key,
            byte[] value,
            Reason reason,
            String detail,
            Classifier classifier) {
        return new Outcome(
                null,
                null,
                new DeadLetter(
                        DeadLetter.SCHEMA,
                        STAGE,
                        classifier.version(),
                        topics.articlesAccepted(),
                        key,
                        value == null ? null : new String(value, StandardCharsets.UTF_8),
                        reason.name(),
                        detail,
                        Instant.now()));
    }
}
