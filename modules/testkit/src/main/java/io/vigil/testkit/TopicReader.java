package io.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.kafka.JsonSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of JSON records from the start, committed records only (the stages write
 * transactionally), for assertions in integration tests.
 *
 * @param <T> the record type
 */
public final class TopicReader<T> implements AutoCloseable {

    /** How long {@link #await} waits at most. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, T> consumer;

    public TopicReader(VigilStack stack, String topic, Class<T> type) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), JsonSerde.of(type));
        consumer.subscribe(List.of(topic));
    }

    /** Waits for exactly {@code n} more records (fails after {@link #WAIT}). */
    public List<T> await(int n) {
        List<T> got = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (got.size() < n && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(200))) {
                got.add(r.value());
            }
        }
        assertThat(got).as("records received").hasSize(n);
        return got;
    }

    /** Fails when a record arrives within {@code wait}. */
    public void expectNoMore(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<T> extra = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> extra.add(r.value()));
        }
        assertThat(extra).as("records beyond those expected").isEmpty();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
