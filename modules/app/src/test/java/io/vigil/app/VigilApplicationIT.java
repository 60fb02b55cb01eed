package io.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.core.kafka.Topics;
import io.vigil.testkit.VigilStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole app against the real broker and node: health, metrics, the UI, the wiring. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VigilApplicationIT {

    @DynamicPropertySource
    static void clusters(DynamicPropertyRegistry registry) {
        VigilStack stack = VigilStack.shared();
        registry.add("vigil.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("vigil.elasticsearch.uris", () -> stack.elasticsearchUri().toString());
        registry.add("vigil.kafka.topic-prefix", () -> "t-app-it.");
        registry.add("vigil.embedded.data-dir", () -> "target/app-it");
        registry.add("vigil.app.roles", () -> "api");
        registry.add("vigil.security.admin-api-key", () -> KEY);
    }

    private static final String KEY = "vk_app-it-0123456789abcdefghijklmnopqrstu";

    @LocalServerPort int port;

    @Autowired Topics topics;
    @Autowired ElasticsearchClient elasticsearch;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthShowsKafkaAndElasticsearchUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"kafka\":{\"details\":{\"clusterId\"")
                .contains("\"elasticsearch\":{\"details\":{\"cluster\"")
                .doesNotContain("DOWN")
                .endsWith("\"status\":\"UP\"}");
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void servesTheUiAfterSignIn() throws Exception {
        HttpResponse<String> anonymous =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302); // to the sign-in page
        assertThat(get("/login").body()).contains("_csrf");
        HttpResponse<String> page =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .header("X-API-Key", KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Vigil</title>");
    }

    @Test
    void wiresTopicsWithThePrefixAndAClientToTheConfiguredCluster() throws Exception {
        assertThat(topics.articlesFetched()).isEqualTo("t-app-it.vigil.articles.fetched");
        assertThat(elasticsearch.cluster().health().numberOfNodes()).isPositive();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
