package io.vigil.crawler.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(PageSource source, String... args) {
        return ExtractCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                source);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return lines;
    }

    @Test
    void walksDirectoriesAndReportsBadFilesAsErrorLines() throws IOException {
        String page = ArticleExtractorTest.fixture("news-article.html");
        Files.writeString(dir.resolve("a.html"), page, StandardCharsets.UTF_8);
        Path sub = Files.createDirectories(dir.resolve("sub"));
        try (OutputStream gz =
                new GZIPOutputStream(Files.newOutputStream(sub.resolve("b.html.gz")))) {
            gz.write(ArticleExtractorTest.fixture("chinese.html").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(sub.resolve("c.html"), new byte[] {0, 1, 2, 3, 0, 0, 0, 5, 6, 7, 0, 0});
        Files.writeString(sub.resolve("notes.txt"), "not a page", StandardCharsets.UTF_8);

        int code = run(failingSource(), dir.toString());

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("title").asText())
                .isEqualTo("Floods force thousands from homes");
        assertThat(lines.get(0).get("text").asText()).startsWith("Thousands of people");
        assertThat(lines.get(0).get("published").asText()).isEqualTo("2024-03-05T07:30:00Z");
        assertThat(lines.get(0).get("authors").get(0).asText()).isEqualTo("Jane Doe");
        assertThat(lines.get(0).get("language").asText()).isEqualTo("en");
        assertThat(lines.get(0).has("error")).isFalse();
        assertThat(lines.get(1).get("source").asText()).endsWith("b.html.gz");
        assertThat(lines.get(1).get("language").asText()).isEqualTo("zh");
        assertThat(lines.get(2).get("source").asText()).endsWith("c.html");
        assertThat(lines.get(2).get("error").asText()).isEqualTo("not_html");
        assertThat(code).isEqualTo(1);
    }

    @Test
    void urlOptionGivesTheBaseOfASingleFile() throws IOException {
        Path file = dir.resolve("page.html");
        Files.writeString(
                file, ArticleExtractorTest.fixture("news-article.html"), StandardCharsets.UTF_8);

        int code = run(failingSource(), file.toString(), "--url", "https://news.example.com/x");

        JsonNode line = lines().get(0);
        assertThat(code).isZero();
        assertThat(line.get("url").asText()).isEqualTo("https://news.example.com/x");
        assertThat(line.get("leadImage").asText())
                .isEqualTo("https://news.example.com/images/floods.jpg");
        assertThat(run(failingSource(), dir.toString(), "--url", "https://x.example/"))
                .isEqualTo(2);
    }

    @Test
    void fetchesUrlsThroughThePageSource() throws IOException {
        byte[] body =
                ArticleExtractorTest.fixture("news-article.html").getBytes(StandardCharsets.UTF_8);
        PageSource source =
                url ->
                        url.getPath().equals("/missing")
                                ? new PageSource.Fetched(url, 404, "text/html", new byte[0])
                                : new PageSource.Fetched(
                                        URI.create("https://news.example.com/final"),
                                        200,
                                        "text/html; charset=UTF-8",
                                        body);

        int code =
                run(source, "https://news.example.com/start", "https://news.example.com/missing");

        List<JsonNode> lines = lines();
        assertThat(lines.get(0).get("url").asText()).isEqualTo("https://news.example.com/final");
        assertThat(lines.get(0).get("text").asText()).contains("temporary shelters");
        assertThat(lines.get(1).get("error").asText()).isEqualTo("HTTP 404");
        assertThat(code).isEqualTo(1);
    }

    @Test
    void aMissingFileIsAnErrorLine() throws IOException {
        int code = run(failingSource(), dir.resolve("nope.html").toString());
        assertThat(lines().get(0).get("error").asText()).startsWith("cannot read");
        assertThat(code).isEqualTo(1);
        assertThat(run(failingSource())).isEqualTo(2);
    }

    private static PageSource failingSource() {
        return url -> {
            throw new IOException("no network in tests");
        };
    }
}
