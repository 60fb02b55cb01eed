package io.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.kafka.JsonSerde;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stack works end to end: a record through the real broker, documents through a template. */
@ExtendWith(VigilStackExtension.class)
class StackSmokeIT {

    record Doc(String title, String text_zh, String language) {}

    @Test
    void producesAndConsumesARecord(VigilStack stack, TestNamespace ns) {
        String topic = ns.topics().deadLetters("smoke");
        ns.createTopics(3, topic);
        DeadLetter sent =
                new DeadLetter(
                        DeadLetter.SCHEMA,
                        "smoke",
                        "1",
                        "in",
                        "k1",
                        "{broken",
                        "UNREADABLE_RECORD",
                        "a test",
                        Instant.now().truncatedTo(ChronoUnit.MILLIS));

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, DeadLetter> producer =
                new KafkaProducer<>(p, new StringSerializer(), JsonSerde.of(DeadLetter.class))) {
            producer.send(new ProducerRecord<>(topic, "k1", sent)).get();
        } catch (Exception e) {
            throw new AssertionError("send failed", e);
        }

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, ns.prefix() + "smoke");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, DeadLetter>> received = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), JsonSerde.of(DeadLetter.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received).hasSize(1);
        assertThat(received.get(0).key()).isEqualTo("k1");
        assertThat(received.get(0).value()).isEqualTo(sent);
    }

    @Test
    void indexesThroughATemplateAndFindsStemmedAndChineseText(VigilStack stack, TestNamespace ns)
            throws IOException {
        ElasticsearchClient es = stack.elasticsearch();
        String index = ns.index("articles");
        try (InputStream template =
                getClass().getResourceAsStream("/elasticsearch/smoke-template.json")) {
            es.indices()
                    .putIndexTemplate(
                            t ->
                                    t.name(ns.index("template"))
                                            .withJson(template)
                                            .indexPatterns(index));
        }
        es.index(i -> i.index(index).id("1").document(new Doc("Markets rallies", null, "en")));
        es.index(i -> i.index(index).id("2").document(new Doc(null, "联合国专家关注中国强制摘取器官的报告", "zh")));
        es.index(i -> i.index(index).id("3").document(new Doc("Weather report", null, "en")));
        es.indices().refresh(r -> r.index(index));

        Map<String, Object> mapping =
                Map.of(
                        "analyzer",
                        es.indices()
                                .getMapping(m -> m.index(index))
                                .get(index)
                                .mappings()
                                .properties()
                                .get("title")
                                .text()
                                .analyzer());
        assertThat(mapping).containsEntry("analyzer", "english");

        assertThat(
                        ids(
                                es.search(
                                        s ->
                                                s.index(index)
                                                        .query(
                                                                q ->
                                                                        q.match(
                                                                                m ->
                                                                                        m.field(
                                                                                                        "title")
                                                                                                .query(
                                                                                                        "rallied"))),
                                        Doc.class)))
                .containsExactly("1");
        assertThat(
                        ids(
                                es.search(
                                        s ->
                                                s.index(index)
                                                        .query(
                                                                q ->
                                                                        q.match(
                                                                                m ->
                                                                                        m.field(
                                                                                                        "text_zh")
                                                                                                .query(
                                                                                                        "摘取器官"))),
                                        Doc.class)))
                .containsExactly("2");
        assertThat(
                        ids(
                                es.search(
                                        s ->
                                                s.index(index)
                                                        .query(
                                                                q ->
                                                                        q.match(
                                                                                m ->
                                                                                        m.field(
                                                                                                        "text_zh")
                                                                                                .query(
                                                                                                        "天气"))),
                                        Doc.class)))
                .isEmpty();
    }

    @Test
    void offersTheAnalyzerNamesProductionClustersUse(VigilStack stack) throws IOException {
        ElasticsearchClient es = stack.elasticsearch();
        for (String analyzer : List.of("english", "cjk", "smartcn", "french", "russian")) {
            assertThat(es.indices().analyze(a -> a.analyzer(analyzer).text("Vigil")).tokens())
                    .as(analyzer)
                    .isNotEmpty();
        }
        assertThat(
                        es.indices()
                                .analyze(a -> a.analyzer("english").text("detainees rallied"))
                                .tokens())
                .extracting(t -> t.token())
                .containsExactly("detaine", "ralli");
    }

    private static List<String> ids(SearchResponse<Doc> response) {
        return response.hits().hits().stream().map(Hit::id).toList();
    }
}
