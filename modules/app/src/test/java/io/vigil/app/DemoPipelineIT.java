package io.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.FeedEntryDiscovered;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.testkit.SourceTree;
import io.vigil.testkit.TopicReader;
import io.vigil.testkit.VigilStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The crawler and pipeline roles in the app, on the demo corpus: every demo entry reaches Kafka
 * once, every page is extracted, and the wire story's syndicated copies become one story.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoPipelineIT {

    private static final int DEMO_ENTRIES = 12;

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) throws IOException {
        VigilStack stack = VigilStack.shared();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path demo = SourceTree.find(Path.of("seeds", "demo"));
        Path seeds = Files.createTempFile(Path.of("target"), "demo-feeds", ".yml");
        Files.writeString(
                seeds,
                Files.readString(demo.resolve("feeds.yml"), StandardCharsets.UTF_8)
                        .replace("127.0.0.1:8089", "127.0.0.1:" + port),
                StandardCharsets.UTF_8);
        registry.add("vigil.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("vigil.elasticsearch.uris", () -> stack.elasticsearchUri().toString());
        registry.add("vigil.kafka.topic-prefix", () -> "t-crawler-demo-it.");
        registry.add("vigil.app.roles", () -> "crawler,pipeline,api");
        // fresh Kafka Streams state each run: the test broker is fresh too
        Path dedupState = Files.createTempDirectory(Path.of("target"), "demo-pipeline-dedup");
        registry.add("vigil.dedup.state-dir", dedupState::toString);
        Path classifierState =
                Files.createTempDirectory(Path.of("target"), "demo-pipeline-classifier");
        registry.add("vigil.classifier.state-dir", classifierState::toString);
        registry.add(
                "vigil.classifier.topics-dir",
                () -> SourceTree.find(Path.of("config", "topics")).toString());
        registry.add(
                "vigil.classifier.labels-dir",
                () -> SourceTree.find(Path.of("seeds", "labels")).toString());
        registry.add(
                "vigil.classifier.models-dir", () -> classifierState.resolve("models").toString());
        registry.add("vigil.crawler.demo.enabled", () -> "true");
        registry.add("vigil.crawler.demo.root", () -> demo.resolve("site").toString());
        registry.add("vigil.crawler.demo.port", () -> port);
        registry.add("vigil.crawler.feeds.seeds", seeds::toString);
        registry.add("vigil.crawler.feeds.instance-id", () -> "crawler-demo-it");
        registry.add("vigil.crawler.http.allowed-addresses", () -> "127.0.0.1");
        registry.add("vigil.crawler.http.min-delay-per-host", () -> "50ms");
    }

    @Autowired Topics topics;
    @LocalServerPort int port;

    @Test
    void everyDemoEntryReachesTheTopicOnceAndFeedHealthIsAMetric() throws Exception {
        Set<String> urls = new HashSet<>();
        int records = 0;
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                VigilStack.shared().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "crawler-demo-it-reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, FeedEntryDiscovered> consumer =
                new KafkaConsumer<>(
                        config,
                        new StringDeserializer(),
                        JsonSerde.of(FeedEntryDiscovered.class))) {
            consumer.subscribe(List.of(topics.entriesDiscovered()));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (urls.size() < DEMO_ENTRIES && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    urls.add(r.value().url().toString());
                    assertThat(r.key()).isEqualTo("127.0.0.1");
                }
            }
        }
        assertThat(urls).hasSize(DEMO_ENTRIES);
        assertThat(records).isEqualTo(DEMO_ENTRIES);

        String metrics =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + port
                                                                + "/actuator/prometheus"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        assertThat(metrics).contains("vigil_crawler_feeds{health=\"OK\"} 5.0");
        assertThat(metrics).contains("vigil_crawler_entries_discovered_total 12.0");
    }

    @Test
    void theSyndicatedWireStoryBecomesOneStoryOfFourOutlets() {
        Map<String, ArticleAccepted> accepted = new java.util.HashMap<>();
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                VigilStack.shared().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "crawler-demo-it-accepted",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, ArticleAccepted> consumer =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), JsonSerde.of(ArticleAccepted.class))) {
            consumer.subscribe(List.of(topics.articlesAccepted()));
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (accepted.size() < DEMO_ENTRIES && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(r -> accepted.put(r.key(), r.value()));
            }
        }
        String stories =
                accepted.values().stream()
                        .map(
                                a ->
                                        a.storyId().substring(0, 8)
                                                + " "
                                                + a.outcome()
                                                + " "
                                                + a.article().siteName()
                                                + ": "
                                                + a.article().title())
                        .sorted()
                        .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(accepted).as(stories).hasSize(DEMO_ENTRIES);
        List<ArticleAccepted> wire =
                accepted.values().stream()
                        .filter(
                                a ->
                                        a.article().title() != null
                                                && a.article()
                                                        .title()
                                                        .toLowerCase(java.util.Locale.ROOT)
                                                        .contains("organ harvesting")
                                                && !"zh-Hans".equals(a.article().language()))
                        .toList();
        assertThat(wire).as(stories).hasSize(4);
        assertThat(wire.stream().map(ArticleAccepted::storyId).distinct()).as(stories).hasSize(1);
        ArticleAccepted chinese =
                accepted.values().stream()
                        .filter(a -> a.article().text().contains("强制摘取"))
                        .findFirst()
                        .orElseThrow();
        assertThat(chinese.storyId()).as(stories).isNotEqualTo(wire.get(0).storyId());
        assertThat(accepted.values().stream().map(ArticleAccepted::storyId).distinct())
                .as(stories)
                .hasSize(9);
        assertThat(accepted.values())
                .allSatisfy(
                        a ->
                                assertThat(a.article().text())
                                        .doesNotContain("Subscribe", "Most read", "相关阅读"));
    }

    @Test
    void theClassifierFindsTheOnTopicArticlesInBothLanguages() {
        Map<String, ArticleClassified> classified = new java.util.HashMap<>();
        try (TopicReader<ArticleClassified> reader =
                new TopicReader<>(
                        VigilStack.shared(),
                        topics.articlesClassified(),
                        ArticleClassified.class)) {
            reader.await(DEMO_ENTRIES).forEach(c -> classified.put(c.articleId(), c));
        }
        String summary =
                classified.values().stream()
                        .map(
                                c ->
                                        String.format(
                                                java.util.Locale.ROOT,
                                                "%.2f %s %s: %s",
                                                c.topics().get(0).relevance(),
                                                c.language().code(),
                                                c.outletCountry(),
                                                c.article().title()))
                        .sorted()
                        .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(classified).as(summary).hasSize(DEMO_ENTRIES);
        List<String> relevant =
                classified.values().stream()
                        .filter(c -> c.relevantTopics().contains("china-organ-harvesting"))
                        .map(c -> c.article().title())
                        .toList();
        // The wire story's four copies, the Chinese report, the blood tests, the briefing.
        assertThat(relevant).as(summary).hasSize(7);
        assertThat(relevant)
                .as(summary)
                .noneMatch(
                        t ->
                                t.contains("Harbour FC")
                                        || t.contains("ferry")
                                        || t.contains("shipping")
                                        || t.contains("storm")
                                        || t.contains("气温"));
        assertThat(classified.values())
                .filteredOn(c -> c.article().title().contains("强制摘取"))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.language().code()).isEqualTo("zh");
                            assertThat(c.mentionedCountries()).contains("CN");
                        });
    }
}
