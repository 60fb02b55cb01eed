package io.vigil.classifier.training;

import io.vigil.core.event.RelevanceFeedback;
import io.vigil.core.kafka.JsonSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * Reads all analysts' feedback from the compacted feedback topic, from the start to its current
 * end, without joining a consumer group: the latest judgement per topic and article wins, and a
 * record that is not feedback is skipped with a warning.
 */
public final class FeedbackReader {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackReader.class);

    private FeedbackReader() {}

    /** The feedback as labelled articles, in key order. */
    public static List<LabelledArticle> read(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        JsonSerde<RelevanceFeedback> serde = JsonSerde.of(RelevanceFeedback.class);
        Map<String, RelevanceFeedback> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                        continue;
                    }
                    try {
                        RelevanceFeedback f = serde.deserialize(topic, r.value());
                        latest.put(f.key(), f);
                    } catch (SerializationException | IllegalArgumentException e) {
                        LOG.warn("Skipping feedback record {}: {}", r.key(), e.getMessage());
                    }
                }
            }
        }
        List<LabelledArticle> labels = new ArrayList<>();
        latest.keySet().stream()
                .sorted()
                .forEach(
                        key -> {
                            RelevanceFeedback f = latest.get(key);
                            labels.add(
                                    new LabelledArticle(
                                            "feedback:" + key,
                                            f.topic(),
                                            f.relevant(),
                                            f.themes(),
                                            f.language(),
                                            f.title(),
                                            f.text(),
                                            List.of()));
                        });
        return labels;
    }
}
