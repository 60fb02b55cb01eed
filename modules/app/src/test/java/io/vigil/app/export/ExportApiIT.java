package io.vigil.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.app.VigilApplication;
import io.vigil.core.json.Json;
import io.vigil.testkit.VigilStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /api/exports} in the app: a small export streams as a ZIP of data and manifest; a larger
 * one becomes a job with progress and download links; a malformed query is a 400 with where.
 */
@SpringBootTest(
        classes = VigilApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApiIT {

    /** The first admin's API key (the API needs a key or a session). */
    private static final String API_KEY = "vk_export-api-it-0123456789abcdefghijkl";

    private static final String ALIAS = "t-export-api-it.articles";
    private static final int ARTICLES = 700;

    @DynamicPropertySource
    static void clusters(DynamicPropertyRegistry registry) {
        VigilStack stack = VigilStack.shared();
        registry.add("vigil.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("vigil.elasticsearch.uris", () -> stack.elasticsearchUri().toString());
        registry.add("vigil.kafka.topic-prefix", () -> "t-export-api-it.");
        registry.add("vigil.indexer.alias", () -> ALIAS);
        registry.add("vigil.embedded.data-dir", () -> "target/export-api-it");
        registry.add("vigil.export.stream-max-articles", () -> "650");
        registry.add("vigil.app.roles", () -> "api");
        registry.add("vigil.security.admin-api-key", () -> API_KEY);
    }

    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void load() throws Exception {
        ExportCorpus.load(VigilStack.shared().elasticsearch(), ALIAS, ARTICLES);
    }

    @Test
    void streamsAZipOfDataAndManifest() throws Exception {
        HttpResponse<byte[]> response = get("/api/exports?lang=en&format=csv&fields=id,title,date");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/zip");
        Map<String, byte[]> entries = unzip(response.body());
        assertThat(entries).containsOnlyKeys("articles.csv", "manifest.json");
        JsonNode manifest = Json.mapper().readTree(entries.get("manifest.json"));
        long english = ARTICLES - (ARTICLES + 6) / 7; // every 7th is Chinese
        assertThat(manifest.at("/files/0/rows").asLong()).isEqualTo(english);
        assertThat(manifest.at("/snapshot/articleCount").asLong()).isEqualTo(english);
        assertThat(manifest.at("/files/0/sha256").asText())
                .isEqualTo(
                        HexFormat.of()
                                .formatHex(
                                        MessageDigest.getInstance("SHA-256")
                                                .digest(entries.get("articles.csv"))));
        String csv = new String(entries.get("articles.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("id,title,date\r\n");
        assertThat(manifest.at("/dataDictionary/0/name").asText()).isEqualTo("id");
        assertThat(manifest.path("copyright").asText()).contains("publishers");
    }

    @Test
    void aLargeExportIsAJobWithProgressAndLinks() throws Exception {
        HttpResponse<byte[]> response = get("/api/exports?format=jsonl&gzip=false");
        assertThat(response.statusCode()).isEqualTo(202);
        String location = response.headers().firstValue("location").orElseThrow();
        JsonNode job = Json.mapper().readTree(response.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!job.path("state").asText().equals("DONE")) {
            assertThat(job.path("state").asText()).isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(200);
            job = Json.mapper().readTree(get(location).body());
        }
        assertThat(job.path("exported").asLong()).isEqualTo(ARTICLES);
        String data = new String(get(job.path("download").asText()).body(), StandardCharsets.UTF_8);
        assertThat(data.lines().count()).isEqualTo(ARTICLES);
        JsonNode manifest = Json.mapper().readTree(get(job.path("manifest").asText()).body());
        assertThat(manifest.at("/files/0/rows").asLong()).isEqualTo(ARTICLES);
        assertThat(get("/api/exports/jobs/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedQueriesAre400sWithThePosition() throws Exception {
        HttpResponse<byte[]> bad = get("/api/exports?q=" + encode("organ AND (harvest"));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(bad.body());
        assertThat(problem.path("position").asInt()).isEqualTo(18);
        assertThat(problem.path("parameter").asText()).isEqualTo("q");
        assertThat(get("/api/exports?format=xls").statusCode()).isEqualTo(400);
        assertThat(get("/api/exports?fields=id,nope").statusCode()).isEqualTo(400);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                entries.put(e.getName(), bytes.toByteArray());
            }
        }
        return entries;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-API-Key", API_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
