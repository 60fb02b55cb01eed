package io.vigil.alerting.notify;

import io.vigil.core.alert.AlertDelivery;
import io.vigil.core.kafka.JsonSerde;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What was already sent, read from the log itself when the sender takes partitions over: every
 * {@code SENT} and {@code FAILED} entry from the committed offset to the end. A crash after a
 * channel delivered and its entry was written, but before the offset was committed, therefore does
 * not deliver again; the entry is written before the offset moves past the request.
 */
final class DoneScan {

    private DoneScan() {}

    /** The channel keys done in {@code partitions} from their committed offsets on. */
    static Set<String> scan(
            Map<String, Object> consumerConfig,
            Collection<TopicPartition> partitions,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        Set<String> done = new HashSet<>();
        if (partitions.isEmpty()) {
            return done;
        }
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        JsonSerde<AlertDelivery> serde = JsonSerde.of(AlertDelivery.class);
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = List.copyOf(partitions);
            c.assign(parts);
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
            for (TopicPartition p : parts) {
                OffsetAndMetadata from = committed.get(p);
                if (from == null) {
                    c.seekToBeginning(List.of(p));
                } else {
                    c.seek(p, from.offset());
                }
            }
            while (!end.isEmpty()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        continue;
                    }
                    try {
                        AlertDelivery d = serde.deserialize(r.topic(), r.value());
                        if (d.kind() == AlertDelivery.Kind.SENT
                                || d.kind() == AlertDelivery.Kind.FAILED) {
                            done.add(d.channelKey());
                        }
                    } catch (RuntimeException e) {
                        // unreadable entries are reported by the sender when it reaches them
                    }
                }
                end.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
            }
        }
        return done;
    }
}
