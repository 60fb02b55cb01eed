package io.vigil.crawler.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The article-extraction benchmark's pages: {@code html/<id>.html.gz} (UTF-8) and {@code
 * ground-truth.json} ({@code {id: {articleBody, url}}}), sorted by id.
 */
public final class BenchmarkPages {

    /** One page with its expected article body; url is null when the listed one is malformed. */
    public record Page(String id, URI url, String html, String expected) {}

    private BenchmarkPages() {}

    /** Loads every page listed in the ground truth whose HTML file is present. */
    public static List<Page> load(Path dir) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        List<Page> pages = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = truth.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            Path file = dir.resolve("html").resolve(entry.getKey() + ".html.gz");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode value = entry.getValue();
            pages.add(
                    new Page(
                            entry.getKey(),
                            uri(value.path("url").asText()),
                            html,
                            value.path("articleBody").asText("")));
        }
        pages.sort((a, b) -> a.id().compareTo(b.id()));
        return pages;
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The benchmark directory: {@code shared/data/article-extraction-benchmark} found by walking up
     * from the working directory, or null.
     */
    public static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/data/article-extraction-benchmark");
            if (Files.isRegularFile(candidate.resolve("ground-truth.json"))) {
                return candidate;
            }
            Path sibling = dir.resolve("../shared/data/article-extraction-benchmark").normalize();
            if (Files.isRegularFile(sibling.resolve("ground-truth.json"))) {
                return sibling;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
