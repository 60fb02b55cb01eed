package io.vigil.api.source;

import io.vigil.core.kafka.JsonSerde;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the API's writes (feeds, relevance feedback) to their compacted topics as JSON records,
 * waiting for the broker's acknowledgement so that a 2xx answer means the write is durable.
 */
public final class RecordPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordPublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Object> adminConfig;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    public RecordPublisher(Map<String, Object> producerConfig) {
        this.adminConfig = new HashMap<>(producerConfig);
        adminConfig.keySet().retainAll(AdminClientConfig.configNames());
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Writes {@code value} (null: a tombstone) under {@code key} and waits for it. A compacted
     * topic that does not exist yet (its producing stage never ran) is created first, compacted,
     * with {@code partitions} partitions: the same as the stage that owns it would create.
     *
     * @throws PublishFailedException when Kafka does not acknowledge within 15 seconds
     */
    public <T> void publish(String topic, int partitions, String key, T value, Class<T> type) {
        ensureCompacted(topic, partitions);
        byte[] bytes = value == null ? null : JsonSerde.of(type).serialize(topic, value);
        try {
            producer.send(new ProducerRecord<>(topic, key, bytes)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("Kafka did not take the write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while writing to " + topic, e);
        }
    }

    private void ensureCompacted(String topic, int partitions) {
        if (checked.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig)) {
            if (!admin.listTopics().names().get(15, TimeUnit.SECONDS).contains(topic)) {
                NewTopic t =
                        new NewTopic(topic, Optional.of(partitions), Optional.empty())
                                .configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT));
                admin.createTopics(List.of(t)).all().get(15, TimeUnit.SECONDS);
                LOG.info("Created the compacted topic {} ({} partitions)", topic, partitions);
            }
            checked.add(topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new PublishFailedException("cannot create topic " + topic, e);
            }
            checked.add(topic);
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not answer about topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while checking " + topic, e);
        }
    }

    /** Kafka did not take a write: the client may try again later (503). */
    public static final class PublishFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
