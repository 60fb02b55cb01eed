package io.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.app.ops.ReplayCommand;
import io.vigil.core.json.Json;
import io.vigil.crawler.backfill.ImportCommand;
import io.vigil.indexer.ingest.ArticleIndexer;
import io.vigil.testkit.SourceTree;
import io.vigil.testkit.VigilStack;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Back-fill through the whole pipeline: 10,000 historical articles dated across two years, in
 * shuffled order, go through {@code vigil import} → dedup → classifier → indexer, and the index
 * holds each day's articles exactly, on the day they were published; replaying the indexer from the
 * start leaves the same documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportPipelineIT {

    private static final String PREFIX = "t-import-it.";
    private static final String ALIAS = "t-import-it-articles";
    private static final int ARTICLES = 10_000;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 11, 1);
    private static final int DAYS = 730;
    private static final String API_KEY = "vk_import-pipeline-it-0123456789abcdefgh";

    @LocalServerPort int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws Exception {
        VigilStack stack = VigilStack.shared();
        registry.add("vigil.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("vigil.elasticsearch.uris", () -> stack.elasticsearchUri().toString());
        registry.add("vigil.kafka.topic-prefix", () -> PREFIX);
        registry.add("vigil.app.roles", () -> "pipeline,indexer,api");
        registry.add("vigil.security.admin-api-key", () -> API_KEY);
        registry.add("vigil.indexer.alias", () -> ALIAS);
        Path state = Files.createTempDirectory(Path.of("target"), "import-it");
        registry.add("vigil.dedup.state-dir", () -> state.resolve("dedup").toString());
        registry.add("vigil.dedup.application-id", () -> PREFIX + "dedup");
        registry.add("vigil.classifier.state-dir", () -> state.resolve("classifier").toString());
        registry.add("vigil.classifier.application-id", () -> PREFIX + "classifier");
        registry.add(
                "vigil.classifier.topics-dir",
                () -> SourceTree.find(Path.of("config", "topics")).toString());
        registry.add(
                "vigil.classifier.labels-dir",
                () -> SourceTree.find(Path.of("seeds", "labels")).toString());
        registry.add("vigil.classifier.models-dir", () -> state.resolve("models").toString());
    }

    @Autowired ArticleIndexer indexer;

    @Test
    void everyDayOfTwoYearsIsCountedExactly() throws Exception {
        Random random = new Random(20261126);
        List<String> lines = new ArrayList<>();
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (int i = 0; i < ARTICLES; i++) {
            LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
            Instant published =
                    day.atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .plusSeconds(random.nextInt(86_400));
            perDay.merge(day, 1L, Long::sum);
            Map<String, Object> article = new LinkedHashMap<>();
            article.put("url", "https://archive" + (i % 7) + ".example/" + day + "/story-" + i);
            article.put("title", "Archive report " + i + " on provincial budgets and rail works");
            article.put(
                    "text",
                    "Report number "
                            + i
                            + " from the archive covers item "
                            + Long.toString(random.nextLong(), 36)
                            + " in district "
                            + random.nextInt(5000)
                            + ", with figures "
                            + random.nextInt(1_000_000)
                            + " and "
                            + Long.toString(random.nextLong(), 36)
                            + ".");
            article.put("published", published.toString());
            lines.add(Json.mapper().writeValueAsString(article));
        }
        Collections.shuffle(lines, random);
        Path dir = Files.createTempDirectory(Path.of("target"), "import-input");
        Path file = dir.resolve("history.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.newLine();
            }
        }

        VigilStack stack = VigilStack.shared();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                ImportCommand.run(
                        List.of(
                                file.toString(),
                                "--kafka",
                                stack.kafkaBootstrapServers(),
                                "--topic-prefix",
                                PREFIX,
                                "--state",
                                dir.resolve("state.json").toString()),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported 10,000 articles");

        ElasticsearchClient es = stack.elasticsearch();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        long indexed = 0;
        while (indexed < ARTICLES && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            es.indices().refresh(r -> r.index(ALIAS).ignoreUnavailable(true));
            indexed = es.count(c -> c.index(ALIAS).ignoreUnavailable(true)).count();
        }
        assertThat(indexed).isEqualTo(ARTICLES);

        assertThat(perDay(es)).isEqualTo(perDay);
        assertThat(perDayFromTrends()).isEqualTo(perDay);

        // Replaying the indexer from the start leaves the index with the same documents.
        indexer.stop();
        ByteArrayOutputStream replayed = new ByteArrayOutputStream();
        int replay =
                ReplayCommand.run(
                        List.of(
                                "--stage",
                                "indexer",
                                "--from",
                                "start",
                                "--kafka",
                                stack.kafkaBootstrapServers(),
                                "--topic-prefix",
                                PREFIX),
                        new PrintStream(replayed, true, StandardCharsets.UTF_8),
                        new PrintStream(replayed, true, StandardCharsets.UTF_8));
        assertThat(replay).as(replayed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(replayed.toString(StandardCharsets.UTF_8)).contains("to process again");
        long before = es.count(c -> c.index(ALIAS)).count();
        indexer.start();
        long replayDeadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (indexer.done() < ARTICLES && System.nanoTime() < replayDeadline) {
            Thread.sleep(500);
        }
        assertThat(indexer.done()).isGreaterThanOrEqualTo(ARTICLES);
        es.indices().refresh(r -> r.index(ALIAS));
        assertThat(es.count(c -> c.index(ALIAS)).count()).isEqualTo(before).isEqualTo(ARTICLES);
        assertThat(perDay(es)).isEqualTo(perDay);

        // The import is resumable and idempotent: a second run finds everything done.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ImportCommand.run(
                List.of(
                        file.toString(),
                        "--kafka",
                        stack.kafkaBootstrapServers(),
                        "--topic-prefix",
                        PREFIX,
                        "--state",
                        dir.resolve("state.json").toString()),
                new PrintStream(again, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(again.toString(StandardCharsets.UTF_8))
                .contains("imported 0 articles")
                .contains("1 file(s) were already imported");
    }

    private static Map<LocalDate, Long> perDay(ElasticsearchClient es) throws Exception {
        var response =
                es.search(
                        s ->
                                s.index(ALIAS)
                                        .size(0)
                                        .aggregations(
                                                "days",
                                                a ->
                                                        a.dateHistogram(
                                                                h ->
                                                                        h.field("date")
                                                                                .calendarInterval(
                                                                                        CalendarInterval
                                                                                                .Day)
                                                                                .minDocCount(1))),
                        Void.class);
        Map<LocalDate, Long> indexedPerDay = new TreeMap<>();
        for (DateHistogramBucket b :
                response.aggregations().get("days").dateHistogram().buckets().array()) {
            indexedPerDay.put(
                    Instant.ofEpochMilli(b.key()).atZone(ZoneOffset.UTC).toLocalDate(),
                    b.docCount());
        }
        return indexedPerDay;
    }

    /** Each day's count as the trend API reports it (all articles, by day, over the two years). */
    private Map<LocalDate, Long> perDayFromTrends() throws Exception {
        String path =
                "/api/trends?interval=day&from="
                        + FIRST_DAY
                        + "&to="
                        + FIRST_DAY.plusDays(DAYS - 1)
                        + "&top=0";
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + path))
                                        .header("X-API-Key", API_KEY)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode trends = Json.mapper().readTree(response.body());
        Map<LocalDate, Long> days = new TreeMap<>();
        for (int i = 0; i < trends.get("buckets").size(); i++) {
            long total = trends.get("totals").get(i).asLong();
            if (total > 0) {
                days.put(
                        Instant.parse(trends.get("buckets").get(i).asText())
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate(),
                        total);
            }
        }
        return days;
    }
}
