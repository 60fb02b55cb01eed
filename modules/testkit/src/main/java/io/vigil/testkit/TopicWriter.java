package io.vigil.testkit;

import io.vigil.core.kafka.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes test records to a topic and waits for the broker's acknowledgement. */
public final class TopicWriter {

    private TopicWriter() {}

    /**
     * Writes JSON records in order.
     *
     * @param values the records, in the order to write
     * @param key the key of a record
     * @param timestamp the record timestamp of a record, or null for now
     */
    public static <T> void write(
            VigilStack stack,
            String topic,
            Class<T> type,
            List<T> values,
            Function<T, String> key,
            Function<T, Long> timestamp) {
        try (KafkaProducer<String, T> producer =
                new KafkaProducer<>(config(stack), new StringSerializer(), JsonSerde.of(type))) {
            for (T value : values) {
                Long ts = timestamp == null ? null : timestamp.apply(value);
                producer.send(new ProducerRecord<>(topic, null, ts, key.apply(value), value)).get();
            }
        } catch (Exception e) {
            throw new AssertionError("send to " + topic + " failed", e);
        }
    }

    /** Writes one record of raw text, for inputs that are not what the topic should carry. */
    public static void writeRaw(VigilStack stack, String topic, String key, String value) {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        config(stack), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError("send to " + topic + " failed", e);
        }
    }

    private static Properties config(VigilStack stack) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }
}
