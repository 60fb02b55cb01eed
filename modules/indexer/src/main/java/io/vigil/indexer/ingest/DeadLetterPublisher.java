package io.vigil.indexer.ingest;

import io.vigil.core.event.DeadLetter;
import io.vigil.core.kafka.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes what the indexer cannot index to its dead-letter topic, asynchronously. */
final class DeadLetterPublisher implements AutoCloseable {

    /** The stage name in dead letters and in the topic name {@code vigil.dlq.indexer}. */
    static final String STAGE = "indexer";

    /** Version of the indexer's rules, written into its dead letters. */
    static final String STAGE_VERSION = "indexer-1";

    private static final JsonSerde<DeadLetter> DEAD = JsonSerde.of(DeadLetter.class);

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final Clock clock;

    DeadLetterPublisher(String topic, Map<String, Object> producerConfig, Clock clock) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.clock = clock;
    }

    /**
     * Sends a dead letter for {@code input}; calls {@code sent} once the broker acknowledged it, or
     * {@code failed} with the reason it could not be sent. Thread-safe.
     */
    void publish(
            ConsumerRecord<String, byte[]> input,
            String reason,
            String detail,
            Runnable sent,
            Consumer<Exception> failed) {
        DeadLetter letter =
                new DeadLetter(
                        DeadLetter.SCHEMA,
                        STAGE,
                        STAGE_VERSION,
                        input.topic(),
                        input.key(),
                        input.value() == null
                                ? null
                                : new String(input.value(), StandardCharsets.UTF_8),
                        reason,
                        detail,
                        clock.instant());
        producer.send(
                new ProducerRecord<>(topic, input.key(), DEAD.serialize(topic, letter)),
                (metadata, e) -> {
                    if (e == null) {
                        sent.run();
                    } else {
                        failed.accept(e);
                    }
                });
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
