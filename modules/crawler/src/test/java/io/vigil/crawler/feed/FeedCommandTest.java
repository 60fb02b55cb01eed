package io.vigil.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.json.Json;
import io.vigil.crawler.demo.DemoSite;
import io.vigil.testkit.SourceTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCommandTest {

    static final Path SITE = SourceTree.find(Path.of("seeds", "demo", "site"));

    record Run(int code, List<JsonNode> lines, String err) {}

    static Run run(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                FeedCommand.run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return new Run(code, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyDemoFeedPrintsItsEntriesOverHttp() throws IOException {
        try (DemoSite site = DemoSite.start(SITE, 0)) {
            String base = site.baseUri().toString().replaceAll("/?$", "/");
            int entries = 0;
            for (String feed :
                    List.of(
                            "rights-monitor/rss.xml",
                            "harbour-daily/rss.xml",
                            "continental-wire/atom.xml",
                            "northern-courier/feed.json",
                            "asia-times-zh/rss.xml")) {
                Run r = run(base + feed, "--allow", "127.0.0.1");
                assertThat(r.code()).as(feed + ": " + r.err()).isZero();
                assertThat(r.lines().get(0).get("type").asText()).isEqualTo("feed");
                assertThat(r.lines().get(0).get("format").asText()).isNotBlank();
                for (JsonNode entry : r.lines().subList(1, r.lines().size())) {
                    assertThat(entry.get("type").asText()).isEqualTo("entry");
                    assertThat(entry.get("link").asText()).startsWith("http");
                    assertThat(entry.has("published")).isTrue();
                    assertThat(entry.get("authors").isArray()).isTrue();
                    assertThat(entry.get("categories").isArray()).isTrue();
                }
                entries += r.lines().size() - 1;
            }
            assertThat(entries).isEqualTo(12);
        }
    }

    @Test
    void aFileIsParsedTooWithDatesInIso8601() throws IOException {
        Run r = run(SITE.resolve("continental-wire/atom.xml").toString());
        assertThat(r.code()).isZero();
        JsonNode entry = r.lines().get(1);
        assertThat(entry.get("published").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void failuresAreOneLineOnStderr(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html><body>hello</body></html>", StandardCharsets.UTF_8);
        Run notAFeed = run(page.toString());
        assertThat(notAFeed.code()).isEqualTo(1);
        assertThat(notAFeed.lines()).isEmpty();
        assertThat(notAFeed.err().strip()).contains("NOT_A_FEED").doesNotContain("\n");

        Run privateAddress = run("http://127.0.0.1:9/feed.xml");
        assertThat(privateAddress.code()).isEqualTo(1);
        assertThat(privateAddress.err().strip()).doesNotContain("\n").isNotEmpty();

        assertThat(run().code()).isEqualTo(2);
    }
}
