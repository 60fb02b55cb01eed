package io.vigil.crawler.feed;

import io.vigil.core.event.FeedEntryDiscovered;
import io.vigil.core.feed.FeedState;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes polls: each batch of polls goes out in one Kafka transaction holding every poll's new
 * entries and its next state, so consumers (read_committed) see a poll whole or not at all.
 */
final class FeedPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);
    private static final JsonSerde<FeedEntryDiscovered> ENTRY =
            JsonSerde.of(FeedEntryDiscovered.class);
    private static final JsonSerde<FeedState> STATE = JsonSerde.of(FeedState.class);

    private final Map<String, Object> config;
    private final Topics topics;
    private KafkaProducer<String, byte[]> producer;

    FeedPublisher(Map<String, Object> producerConfig, Topics topics, String transactionalId) {
        this.config = new HashMap<>(producerConfig);
        this.config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        this.config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        this.topics = topics;
        this.producer = open();
    }

    private KafkaProducer<String, byte[]> open() {
        KafkaProducer<String, byte[]> p =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        p.initTransactions(); // aborts what a previous run with this id left open
        return p;
    }

    /**
     * Publishes the polls atomically.
     *
     * @return true when committed; false when aborted (the caller polls those feeds again)
     */
    boolean publish(List<FeedPoller.Poll> polls) {
        try {
            producer.beginTransaction();
            for (FeedPoller.Poll poll : polls) {
                for (FeedEntryDiscovered e : poll.entries()) {
                    String topic = topics.entriesDiscovered();
                    producer.send(new ProducerRecord<>(topic, e.host(), ENTRY.serialize(topic, e)));
                }
                FeedState s = poll.state();
                String topic = topics.feedState();
                producer.send(new ProducerRecord<>(topic, s.feedId(), STATE.serialize(topic, s)));
            }
            producer.commitTransaction();
            return true;
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            LOG.error("The feed publisher's producer cannot go on; opening a new one", e);
            producer.close();
            producer = open();
            return false;
        } catch (KafkaException e) {
            LOG.warn("Publishing {} polls failed; they will be polled again", polls.size(), e);
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailure) {
                producer.close();
                producer = open();
            }
            return false;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
