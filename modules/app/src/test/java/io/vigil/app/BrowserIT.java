package io.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.json.Json;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.testkit.ClassifiedArticles;
import io.vigil.testkit.VigilStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in Debian's Chromium, headless, driven by playwright-core ({@code
 * modules/api/src/main/frontend/browser-test/ui-test.mjs}): sign in, search, the dashboard's chart
 * with data points (screenshot kept in {@code target/browser/dashboard.png}), the alerts page.
 * Skipped, saying why, only when there is no Chromium or no Node.js on the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserIT {

    private static final String PASSWORD = "browser-it-password";
    private static final String KEY = "vk_browser-it-0123456789abcdefghijklmnopqr";
    private static final Instant T = Instant.parse("2026-02-03T08:00:00Z");
    private static final Path SCRIPT =
            Path.of("..", "api", "src", "main", "frontend", "browser-test", "ui-test.mjs");

    @DynamicPropertySource
    static void clusters(DynamicPropertyRegistry registry) {
        VigilStack stack = VigilStack.shared();
        registry.add("vigil.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("vigil.elasticsearch.uris", () -> stack.elasticsearchUri().toString());
        registry.add("vigil.kafka.topic-prefix", () -> "t-browser-it.");
        registry.add("vigil.indexer.alias", () -> "t-browser-it.articles");
        registry.add("vigil.indexer.flush-interval", () -> "200ms");
        registry.add("vigil.embedded.data-dir", () -> "target/browser-it");
        registry.add("vigil.app.roles", () -> "indexer,api");
        registry.add("vigil.security.admin-password", () -> PASSWORD);
        registry.add("vigil.security.admin-api-key", () -> KEY);
    }

    @LocalServerPort int port;
    @Autowired Topics topics;

    @Test
    void signsInSearchesAndDrawsTheDashboard() throws Exception {
        String chromium = chromium();
        String node = node();
        publishAndWait(corpus());
        Path out = Path.of("target", "browser").toAbsolutePath();
        ProcessBuilder pb =
                new ProcessBuilder(node, SCRIPT.toAbsolutePath().normalize().toString());
        pb.environment()
                .putAll(
                        Map.of(
                                "VIGIL_URL",
                                "http://127.0.0.1:" + port,
                                "VIGIL_USER",
                                "admin",
                                "VIGIL_PASSWORD",
                                PASSWORD,
                                "CHROMIUM",
                                chromium,
                                "OUT_DIR",
                                out.toString(),
                                "QUERY",
                                "harvesting",
                                "FROM",
                                "2026-01-25",
                                "TO",
                                "2026-02-05"));
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String output;
        try (var in = process.getInputStream()) {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        System.out.println("browser test: " + output.trim());
        String json =
                output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}");
        assertThat(json).as(output).isNotEqualTo("{}");
        JsonNode result = Json.mapper().readTree(json);
        assertThat(result.path("failed").isMissingNode()).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(result.path("signedInAs").asText()).contains("admin");
        assertThat(result.path("hits").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(result.path("highlights").asInt()).isPositive();
        assertThat(result.path("facets").asInt()).isPositive();
        assertThat(result.path("chartPoints").asInt()).isEqualTo(12); // 12 days, one series
        assertThat(result.path("chartNonZero").asInt()).isEqualTo(3); // three days with articles
        assertThat(result.path("chartPixels").asInt()).isGreaterThan(1000); // something was drawn
        assertThat(result.path("topOutlets").asInt()).isPositive();
        assertThat(result.path("alerts").asText()).isIn("created", "missing");
        assertThat(result.path("pageErrors")).isEmpty();
        assertThat(out.resolve("dashboard.png")).isNotEmptyFile();
    }

    private static List<ClassifiedArticles> corpus() {
        List<ClassifiedArticles> articles = new ArrayList<>();
        String[] outlets = {"Harbour Daily", "Northern Courier", "Rights Monitor", "Asia Times"};
        for (int day = 0; day < 3; day++) {
            for (int i = 0; i <= day + 1; i++) {
                Instant at = T.minus(Duration.ofDays(day * 3L)).plusSeconds(i * 600L);
                articles.add(
                        ClassifiedArticles.article("https://o" + i + ".example/" + day + "/" + i)
                                .site(outlets[i % outlets.length])
                                .title("Forced organ harvesting: report " + day + "-" + i)
                                .text("A report on forced organ harvesting and transplant abuse.")
                                .published(at)
                                .fetchedAt(at.plusSeconds(60))
                                .topic("china-organ-harvesting", 0.9, "forced-harvesting")
                                .countries("CN"));
            }
        }
        articles.add(
                ClassifiedArticles.article("https://weather.example/a")
                        .site("Weather")
                        .title("Rain all week")
                        .text("Rain all week.")
                        .published(T)
                        .fetchedAt(T));
        return articles;
    }

    private void publishAndWait(List<ClassifiedArticles> articles) throws Exception {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        VigilStack.shared().kafkaBootstrapServers());
        try (KafkaProducer<String, ArticleClassified> producer =
                new KafkaProducer<>(
                        config, new StringSerializer(), JsonSerde.of(ArticleClassified.class))) {
            for (ClassifiedArticles a : articles) {
                producer.send(new ProducerRecord<>(topics.articlesClassified(), a.id(), a.build()));
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:" + port + "/api/articles"))
                                    .header("X-API-Key", KEY)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200
                    && Json.mapper().readTree(r.body()).path("total").asInt() == articles.size()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the articles did not become searchable");
    }

    /** Debian's Chromium, or {@code VIGIL_CHROMIUM}; the test is skipped, saying so, without. */
    private static String chromium() {
        String configured = System.getenv("VIGIL_CHROMIUM");
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser"));
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        System.err.println("BrowserIT SKIPPED: no Chromium (apt-get install chromium)");
        return abort("no Chromium found at " + candidates + " (apt-get install chromium)");
    }

    private static String node() {
        if (!Files.isRegularFile(
                SCRIPT.getParent()
                        .getParent()
                        .resolve(Path.of("node_modules", "playwright-core", "package.json")))) {
            System.err.println("BrowserIT SKIPPED: playwright-core not installed (npm ci)");
            return abort("playwright-core is not installed: the api module's build runs npm ci");
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return "node";
            }
        } catch (IOException e) {
            // no node on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("BrowserIT SKIPPED: no Node.js on the PATH");
        return abort("no Node.js on the PATH");
    }
}
