package io.vigil.crawler.feed;

import io.vigil.core.feed.FeedState;
import io.vigil.core.kafka.JsonSerde;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the committed feed states of some partitions from the compacted state topic, to the end,
 * when this instance takes those partitions over.
 */
final class FeedStateRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(FeedStateRestorer.class);
    private static final JsonSerde<FeedState> SERDE = JsonSerde.of(FeedState.class);

    private final Map<String, Object> consumerConfig;
    private final String stateTopic;

    FeedStateRestorer(Map<String, Object> consumerConfig, String stateTopic) {
        this.consumerConfig = consumerConfig;
        this.stateTopic = stateTopic;
    }

    /** Feed id to its last committed state, for the given partition numbers. */
    Map<String, FeedState> restore(Collection<Integer> partitions, Duration timeout) {
        Map<String, FeedState> states = new HashMap<>();
        if (partitions.isEmpty()) {
            return states;
        }
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<TopicPartition> tps =
                partitions.stream().map(p -> new TopicPartition(stateTopic, p)).toList();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read feed states of " + tps + " within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(states, r);
                }
            }
        }
        LOG.info(
                "Restored {} feed states from {} partitions {}",
                states.size(),
                stateTopic,
                partitions);
        return states;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void apply(Map<String, FeedState> states, ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            states.remove(r.key());
            return;
        }
        try {
            states.put(r.key(), SERDE.deserialize(r.topic(), r.value()));
        } catch (SerializationException e) {
            LOG.warn(
                    "Skipping an unreadable feed state for {} at offset {}",
                    r.key(),
                    r.offset(),
                    e);
        }
    }
}
