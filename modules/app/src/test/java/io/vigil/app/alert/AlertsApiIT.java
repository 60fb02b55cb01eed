package io.vigil.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vigil.alerting.AlertingStage;
import io.vigil.app.security.ApiKeys;
import io.vigil.app.security.UserStore;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.json.Json;
import io.vigil.core.kafka.Topics;
import io.vigil.core.user.User;
import io.vigil.testkit.ClassifiedArticles;
import io.vigil.testkit.TopicWriter;
import io.vigil.testkit.VigilStack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alerting, indexer and API roles in the app: an alert created over HTTP (a malformed query is
 * a 400 with its position) matches two copies of a story published to Kafka once, emails it
 * (GreenMail), records the copy as "also carried by", shows it in its history and its Atom feed,
 * test-sends, previews through a search, and is deleted. Alerts belong to their owner: an analyst
 * sees and changes only theirs, an admin every one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertsApiIT {

    /** The first admin's API key (the API needs a key or a session). */
    private static final String API_KEY = "vk_alerts-api-it-0123456789abcdefghijkl";

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
                    .withPerMethodLifecycle(false); // up before the context reads its port

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @DynamicPropertySource
    static void clusters(DynamicPropertyRegistry registry) {
        VigilStack stack = VigilStack.shared();
        registry.add("vigil.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("vigil.elasticsearch.uris", () -> stack.elasticsearchUri().toString());
        registry.add("vigil.kafka.topic-prefix", () -> "t-alerts-api-it.");
        registry.add("vigil.indexer.alias", () -> "t-alerts-api-it.articles");
        registry.add("vigil.indexer.flush-interval", () -> "200ms");
        registry.add("vigil.embedded.data-dir", () -> "target/alerts-api-it");
        registry.add("vigil.alerting.application-id", () -> "t-alerts-api-it.alerting");
        registry.add("vigil.alerting.sender-group", () -> "t-alerts-api-it.sender");
        registry.add("vigil.app.roles", () -> "indexer,alerting,api");
        registry.add("vigil.security.admin-api-key", () -> API_KEY);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort int port;
    @Autowired Topics topics;
    @Autowired AlertingStage stage;
    @Autowired UserStore users;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createMatchDeliverOnceFeedTestPreviewDelete() throws Exception {
        HttpResponse<String> bad =
                send("POST", "/api/alerts", "{\"owner\":\"ngo\",\"query\":\"organ AND (harvest\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(bad.body());
        assertThat(problem.path("parameter").asText()).as(bad.body()).isEqualTo("query");
        assertThat(problem.path("position").asInt()).isEqualTo(18);

        HttpResponse<String> created =
                send(
                        "POST",
                        "/api/alerts",
                        "{\"owner\":\"ngo\",\"name\":\"Organs\",\"query\":\"\\\"organ harvesting\\\"\","
                                + "\"email\":{\"to\":[\"staff@ngo.example\"]},\"feed\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode alert = Json.mapper().readTree(created.body());
        String id = alert.path("id").asText();
        String token = alert.at("/delivery/feed/token").asText();
        assertThat(token).hasSizeGreaterThan(20);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!stage.registered(id) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(stage.registered(id)).as("the stage read the new alert").isTrue();

        ClassifiedArticles wire = copy("https://wire.example/organs", "Wire");
        List<ArticleClassified> articles =
                List.of(
                        wire.build(),
                        copy("https://daily.example/organs", "Daily").story(wire.id()).build(),
                        ClassifiedArticles.article("https://weather.example/rain")
                                .title("Rain all week")
                                .text("Rain.")
                                .published(NOW)
                                .fetchedAt(NOW)
                                .build());
        TopicWriter.write(
                VigilStack.shared(),
                topics.articlesClassified(),
                ArticleClassified.class,
                articles,
                ArticleClassified::articleId,
                null);

        JsonNode history =
                await(
                        "/api/alerts/" + id + "/deliveries",
                        h ->
                                h.toString().contains("ALSO_CARRIED")
                                        && h.toString().contains("SENT"));
        assertThat(history.findValuesAsText("kind"))
                .containsExactlyInAnyOrder("SENT", "ALSO_CARRIED", "MATCHED");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);

        HttpResponse<String> feed = send("GET", "/api/alerts/" + id + "/feed?token=" + token, null);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/atom+xml");
        // The two copies are keyed by article id, so they may sit on different partitions and
        // either may reach the stage first: the first is delivered, the other is "also carried".
        assertThat(feed.body())
                .containsOnlyOnce("<entry>")
                .containsPattern("Also carried by: (Daily|Wire)\\.</summary>");
        String delivered = feed.body().contains("Also carried by: Daily") ? "Wire" : "Daily";
        assertThat(feed.body()).contains("<summary>" + delivered + ". Forced organ harvesting");
        assertThat(send("GET", "/api/alerts/" + id + "/feed?token=wrong", null).statusCode())
                .isEqualTo(404);

        JsonNode preview =
                await(
                        "/api/alerts/preview?days=2&q="
                                + URLEncoder.encode("organ", StandardCharsets.UTF_8),
                        p -> p.path("total").asLong() == 2);
        assertThat(preview.at("/articles/0/title").asText()).contains("organ");

        assertThat(send("POST", "/api/alerts/" + id + "/test", null).statusCode()).isEqualTo(202);
        await(
                "/api/alerts/" + id + "/deliveries",
                h ->
                        h.findValuesAsText("kind").contains("TEST")
                                && h.findValuesAsText("kind").stream()
                                                .filter("SENT"::equals)
                                                .count()
                                        == 2);
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(SMTP.getReceivedMessages()[1].getSubject()).startsWith("[Vigil test]");

        assertThat(send("DELETE", "/api/alerts/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/alerts/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void alertsBelongToTheirOwner() throws Exception {
        String analystKey = ApiKeys.generate();
        Instant now = Instant.now();
        users.save(
                new User(
                        User.SCHEMA,
                        "analyst-it",
                        null,
                        User.Role.ANALYST,
                        List.of(ApiKeys.record(analystKey, "it", now)),
                        now,
                        null));
        String mine = "{\"owner\":\"somebody-else\",\"name\":\"Mine\",\"query\":\"tribunal\"}";
        HttpResponse<String> created = send(analystKey, "POST", "/api/alerts", mine);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode own = Json.mapper().readTree(created.body());
        assertThat(own.path("owner").asText()).isEqualTo("analyst-it");
        String ownId = own.path("id").asText();

        HttpResponse<String> byAdmin =
                send(
                        "POST",
                        "/api/alerts",
                        "{\"owner\":\"ngo\",\"name\":\"Theirs\",\"query\":\"detainees\"}");
        assertThat(byAdmin.statusCode()).isEqualTo(201);
        String theirId = Json.mapper().readTree(byAdmin.body()).path("id").asText();

        JsonNode listed =
                Json.mapper().readTree(send(analystKey, "GET", "/api/alerts", null).body());
        assertThat(listed.findValuesAsText("id")).contains(ownId).doesNotContain(theirId);
        assertThat(listed.findValuesAsText("owner")).containsOnly("analyst-it");
        for (String method : List.of("GET", "DELETE")) {
            assertThat(send(analystKey, method, "/api/alerts/" + theirId, null).statusCode())
                    .as(method + " another user's alert")
                    .isEqualTo(404);
        }
        assertThat(
                        send(
                                        analystKey,
                                        "PUT",
                                        "/api/alerts/" + theirId,
                                        "{\"name\":\"x\",\"query\":\"x\"}")
                                .statusCode())
                .isEqualTo(404);
        assertThat(
                        send(analystKey, "GET", "/api/alerts/" + theirId + "/deliveries", null)
                                .statusCode())
                .isEqualTo(404);
        // a replacement keeps its owner, whatever the request says
        HttpResponse<String> renamed =
                send(
                        analystKey,
                        "PUT",
                        "/api/alerts/" + ownId,
                        "{\"owner\":\"ngo\",\"name\":\"Renamed\",\"query\":\"tribunal\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(renamed.body()).path("owner").asText())
                .isEqualTo("analyst-it");

        JsonNode all = Json.mapper().readTree(send("GET", "/api/alerts", null).body());
        assertThat(all.findValuesAsText("id")).contains(ownId, theirId);
        JsonNode filtered =
                Json.mapper().readTree(send("GET", "/api/alerts?owner=analyst-it", null).body());
        assertThat(filtered.findValuesAsText("id")).contains(ownId).doesNotContain(theirId);
        assertThat(send("DELETE", "/api/alerts/" + ownId, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/alerts/" + theirId, null).statusCode()).isEqualTo(204);
    }

    private static ClassifiedArticles copy(String url, String site) {
        return ClassifiedArticles.article(url)
                .site(site)
                .title("Forced organ harvesting continues, tribunal finds")
                .text("Forced organ harvesting from prisoners of conscience continues.")
                .published(NOW.minusSeconds(600))
                .fetchedAt(NOW.minusSeconds(500));
    }

    private JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send("GET", path, null);
            if (r.statusCode() == 200) {
                last = Json.mapper().readTree(r.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never true for " + path + ": " + last);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(API_KEY, method, path, json);
    }

    private HttpResponse<String> send(String key, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-API-Key", key);
        if (json != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
