package io.vigil.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.kafka.Topics;
import io.vigil.testkit.TestNamespace;
import io.vigil.testkit.VigilStack;
import io.vigil.testkit.VigilStackExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Replay moves a stopped stage's group back on its input, and refuses a running stage. */
@ExtendWith(VigilStackExtension.class)
class ReplayCommandIT {

    @Test
    void movesAStoppedGroupBackAndRefusesARunningOne(VigilStack stack, TestNamespace ns)
            throws Exception {
        Topics topics = new Topics(ns.prefix());
        String topic = topics.articlesClassified();
        ns.createTopics(1, topic);
        Instant t0 = Instant.parse("2026-01-10T00:00:00Z");
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int day = 0; day < 10; day++) {
                long ts = t0.plus(Duration.ofDays(day)).toEpochMilli();
                producer.send(new ProducerRecord<>(topic, 0, ts, "k" + day, "v")).get();
            }
        }
        String group = ns.prefix() + "vigil-indexer";
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(10)));
            // A member is live: refused.
            assertThat(replay(stack, ns, "--from", "start").code()).isEqualTo(1);
        }
        Run fromDate = replay(stack, ns, "--from", "2026-01-15");
        assertThat(fromDate.code()).as(fromDate.err()).isZero();
        assertThat(fromDate.out()).contains("5 offset(s) to process again");
        assertThat(committed(stack, group, tp)).isEqualTo(5);

        Run dry = replay(stack, ns, "--from", "start", "--dry-run");
        assertThat(dry.out()).contains("would move").contains("10 offset(s)");
        assertThat(committed(stack, group, tp)).isEqualTo(5);

        assertThat(replay(stack, ns, "--from", "7").code()).isZero();
        assertThat(committed(stack, group, tp)).isEqualTo(7);
        assertThat(replay(stack, ns, "--from", "yesterday").code()).isEqualTo(2);
    }

    record Run(int code, String out, String err) {}

    static Run replay(VigilStack stack, TestNamespace ns, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "--stage",
                                "indexer",
                                "--kafka",
                                stack.kafkaBootstrapServers(),
                                "--topic-prefix",
                                ns.prefix()));
        args.addAll(List.of(more));
        int code =
                ReplayCommand.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static long committed(VigilStack stack, String group, TopicPartition tp) throws Exception {
        return stack.admin()
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .get(tp)
                .offset();
    }
}
