package io.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.json.Json;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.testkit.ClassifiedArticles;
import io.vigil.testkit.VigilStack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The indexer and API roles in the app: classified articles published to Kafka become searchable
 * through {@code /api/articles} and {@code /api/stories} and counted by {@code /api/trends};
 * malformed queries are 400s; the API needs an API key or a signed-in session, and a viewer cannot
 * change feeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {

    private static final Instant T = Instant.parse("2026-01-12T09:00:00Z");
    private static final String KEY = "vk_search-api-it-0123456789abcdefghijklmnop";
    private static final ClassifiedArticles WIRE =
            ClassifiedArticles.article("https://wire.example/organs")
                    .site("Wire")
                    .title("Tribunal finds forced organ harvesting continues")
                    .text(
                            "An independent tribunal found that forced organ harvesting from"
                                    + " prisoners of conscience continues.")
                    .published(T)
                    .fetchedAt(T.plusSeconds(60))
                    .topic("organ-harvesting", 0.95, "forced-harvesting")
                    .countries("CN");
    private static final String STORY = WIRE.id();
    private static final List<ClassifiedArticles> ARTICLES =
            List.of(
                    WIRE,
                    copy("https://daily.example/tribunal", "Daily Example", 0.9),
                    copy("https://herald.example/organs", "Herald", 0.4),
                    ClassifiedArticles.article("https://zh.example/a")
                            .site("中文新闻")
                            .title("独立法庭：强制摘取器官仍在继续")
                            .text("独立法庭认定，强制摘取良心犯器官的做法仍在继续。")
                            .language("zh")
                            .published(T.plusSeconds(3600))
                            .fetchedAt(T.plusSeconds(3700))
                            .topic("organ-harvesting", 0.9),
                    ClassifiedArticles.article("https://weather.example/rain")
                            .site("Weather")
                            .title("Rain all week")
                            .text("It will rain all week in the north.")
                            .published(T.minusSeconds(86400))
                            .fetchedAt(T));

    @DynamicPropertySource
    static void clusters(DynamicPropertyRegistry registry) {
        VigilStack stack = VigilStack.shared();
        registry.add("vigil.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("vigil.elasticsearch.uris", () -> stack.elasticsearchUri().toString());
        registry.add("vigil.kafka.topic-prefix", () -> "t-search-api-it.");
        registry.add("vigil.indexer.alias", () -> "t-search-api-it.articles");
        registry.add("vigil.indexer.flush-interval", () -> "200ms");
        registry.add("vigil.embedded.data-dir", () -> "target/search-api-it");
        registry.add("vigil.app.roles", () -> "indexer,api");
        registry.add("vigil.security.admin-password", () -> "search-api-it-password");
        registry.add("vigil.security.admin-api-key", () -> KEY);
    }

    @LocalServerPort int port;
    @Autowired Topics topics;

    private final HttpClient http = HttpClient.newHttpClient();

    private static ClassifiedArticles copy(String url, String site, double relevance) {
        return ClassifiedArticles.article(url)
                .site(site)
                .title("Forced organ harvesting continues, tribunal finds")
                .text(
                        "Forced organ harvesting from prisoners of conscience continues, an"
                                + " independent tribunal found.")
                .published(T.plusSeconds(600))
                .fetchedAt(T.plusSeconds(700))
                .story(STORY)
                .topic("organ-harvesting", relevance);
    }

    @BeforeAll
    void publishAndWaitUntilSearchable() throws Exception {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        VigilStack.shared().kafkaBootstrapServers(),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        10_000);
        try (KafkaProducer<String, ArticleClassified> producer =
                new KafkaProducer<>(
                        config, new StringSerializer(), JsonSerde.of(ArticleClassified.class))) {
            for (ClassifiedArticles a : ARTICLES) {
                producer.send(new ProducerRecord<>(topics.articlesClassified(), a.id(), a.build()));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (total() < ARTICLES.size()) {
            assertThat(System.nanoTime())
                    .as("all articles searchable in time")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void findsEnglishArticlesWithHighlightsAndTotals() throws Exception {
        JsonNode result = search("q=organ+harvesting");
        assertThat(result.path("total").asLong()).isEqualTo(3);
        assertThat(result.at("/articles/0/highlights/title/0").asText()).contains("<em>");
        assertThat(
                        search("q=" + encode("\"organ harvesting\" AND -tribunal"))
                                .path("total")
                                .asLong())
                .isZero();
        assertThat(search("q=" + encode("harvest*") + "&sort=oldest").at("/articles/0/id").asText())
                .isEqualTo(WIRE.id());
    }

    @Test
    void findsChineseWithTheChineseAnalyzer() throws Exception {
        JsonNode result = search("q=" + encode("摘取器官"));
        assertThat(result.path("total").asLong()).isEqualTo(1);
        assertThat(result.at("/articles/0/language").asText()).isEqualTo("zh");
        assertThat(result.at("/articles/0/highlights/text/0").asText()).contains("<em>");
    }

    @Test
    void filtersByFacetsAndRelevance() throws Exception {
        assertThat(search("lang=zh").path("total").asLong()).isEqualTo(1);
        assertThat(search("source=Herald,weather.example").path("total").asLong()).isEqualTo(2);
        assertThat(search("topic=organ-harvesting").path("total").asLong()).isEqualTo(3);
        assertThat(search("topic=organ-harvesting&minRelevance=0.92").path("total").asLong())
                .isEqualTo(1);
        assertThat(search("country=cn&theme=forced-harvesting").path("total").asLong())
                .isEqualTo(1);
        assertThat(search("from=2026-01-12&to=2026-01-12").path("total").asLong()).isEqualTo(4);
        assertThat(search("story=" + STORY).path("total").asLong()).isEqualTo(3);
    }

    @Test
    void malformedQueriesAre400sWithThePosition() throws Exception {
        HttpResponse<String> bad = get("/api/articles?q=" + encode("organ AND (harvest"));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(bad.body());
        assertThat(problem.path("position").asInt()).isEqualTo(18);
        assertThat(problem.path("detail").asText()).contains("column");
        assertThat(get("/api/articles?q=" + encode("*vesting")).statusCode()).isEqualTo(400);
    }

    @Test
    void servesStoriesArticlesOpenApiAndTheUi() throws Exception {
        JsonNode story = Json.mapper().readTree(get("/api/stories/" + STORY).body());
        assertThat(story.path("memberCount").asInt()).isEqualTo(3);
        assertThat(story.path("outlets").get(0).asText()).isEqualTo("Wire"); // the earliest
        assertThat(story.path("outlets").toString()).contains("Daily Example", "Herald");
        assertThat(story.path("members")).hasSize(3);
        assertThat(get("/api/stories/nothing").statusCode()).isEqualTo(404);

        JsonNode article = Json.mapper().readTree(get("/api/articles/" + WIRE.id()).body());
        assertThat(article.path("text").asText()).contains("prisoners of conscience");
        assertThat(get("/api/articles/nothing").statusCode()).isEqualTo(404);

        assertThat(get("/v3/api-docs").body()).contains("/api/articles", "/api/stories/{id}");
        assertThat(get("/").body()).contains("<title>Vigil</title>");
    }

    @Test
    void trendsCountPerDayAsShareOfAllWithTopOutletsAndStories() throws Exception {
        HttpResponse<String> response =
                get(
                        "/api/trends?from=2026-01-10&to=2026-01-13&interval=day&split=language"
                                + "&q="
                                + encode("organ harvesting")
                                + "&q=rain&top=5");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode trends = Json.mapper().readTree(response.body());
        assertThat(trends.path("buckets")).hasSize(4); // 10, 11, 12, 13 January, zero-filled
        assertThat(trends.path("totals").toString()).isEqualTo("[0,1,4,0]");
        JsonNode organs = trends.path("series").get(0);
        assertThat(organs.path("counts").toString()).isEqualTo("[0,0,3,0]"); // not the Chinese
        assertThat(organs.path("attention").get(2).asDouble()).isEqualTo(0.75);
        assertThat(organs.path("splits").get(0).path("key").asText()).isEqualTo("en");
        assertThat(trends.path("series").get(1).path("counts").toString()).isEqualTo("[0,1,0,0]");
        assertThat(trends.path("topOutlets")).hasSize(3);
        JsonNode story = trends.path("topStories").get(0);
        assertThat(story.path("storyId").asText()).isEqualTo(STORY);
        assertThat(story.path("outlets").asInt()).isEqualTo(3);
        assertThat(story.path("title").asText()).contains("Tribunal");
        assertThat(trends.path("coverage").path("note").asText()).isNotBlank();

        assertThat(get("/api/trends?interval=fortnight").statusCode()).isEqualTo(400);
        assertThat(get("/api/trends?q=a&q=b&q=c&q=d&q=e&q=f").statusCode()).isEqualTo(400);
        assertThat(get("/api/trends?q=" + encode("organ AND (")).statusCode()).isEqualTo(400);
    }

    @Test
    void theApiNeedsAKeyOrASignInButHealthIsOpen() throws Exception {
        HttpResponse<String> anonymous =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/articles"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongKey =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/articles"))
                                .header("X-API-Key", "vk_not-a-key")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        HttpResponse<String> page =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> health =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void aViewerReadsButCannotChangeFeeds() throws Exception {
        HttpResponse<String> created =
                send(
                        "POST",
                        "/api/users",
                        KEY,
                        "{\"username\":\"vera\",\"password\":\"viewer-password\",\"role\":\"viewer\"}");
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        // sign in as vera with the form, then make a key for scripts
        String viewerKey = viewerKey();
        assertThat(send("GET", "/api/feeds", viewerKey, null).statusCode()).isEqualTo(200);
        HttpResponse<String> add =
                send("POST", "/api/feeds", viewerKey, "{\"url\":\"https://example.org/feed.xml\"}");
        assertThat(add.statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/users", viewerKey, null).statusCode()).isEqualTo(403);
        HttpResponse<String> byAdmin =
                send("POST", "/api/feeds", KEY, "{\"url\":\"https://example.org/feed.xml\"}");
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(201);
        assertThat(send("POST", "/api/feeds", KEY, "{\"url\":\"ftp://x\"}").statusCode())
                .isEqualTo(400);
    }

    /** Signs vera in through the form (with its CSRF token) and makes her an API key. */
    private String viewerKey() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String form =
                browser.send(
                                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                        .matcher(form);
        assertThat(m.find()).as(form).isTrue();
        HttpResponse<String> signIn =
                browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "username=vera&password=viewer-password&_csrf="
                                                        + encode(m.group(1))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String me =
                browser.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        assertThat(me).contains("\"role\":\"VIEWER\"");
        // without the CSRF header a session's POST is refused
        HttpResponse<String> noCsrf =
                browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/me/api-keys"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        String xsrf =
                ((java.net.CookieManager) browser.cookieHandler().orElseThrow())
                        .getCookieStore().getCookies().stream()
                                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                                .findFirst()
                                .orElseThrow()
                                .getValue();
        HttpResponse<String> key =
                browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/me/api-keys"))
                                .header("X-XSRF-TOKEN", xsrf)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"it\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return Json.mapper().readTree(key.body()).path("key").asText();
    }

    private HttpResponse<String> send(String method, String path, String key, String json)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-API-Key", key)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** All articles searchable so far; -1 while the new index is not ready (503). */
    private long total() throws Exception {
        HttpResponse<String> response = get("/api/articles");
        return response.statusCode() == 200
                ? Json.mapper().readTree(response.body()).path("total").asLong()
                : -1;
    }

    private JsonNode search(String query) throws Exception {
        HttpResponse<String> response = get("/api/articles?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-API-Key", KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
