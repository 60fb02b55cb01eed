package io.vigil.classifier.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the labelled set: every {@code *.jsonl} file of a directory (one JSON object per line, see
 * {@code seeds/labels/README.md}). A malformed line is a configuration error naming the file and
 * line; a duplicate id too. Articles come back sorted by id, so training sees the same order on
 * every machine.
 */
public final class LabelledSet {

    private LabelledSet() {}

    public static List<LabelledArticle> read(Path dir) {
        List<LabelledArticle> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                readFile(file, all);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labelled set " + dir, e);
        }
        Set<String> ids = new HashSet<>();
        for (LabelledArticle a : all) {
            if (!ids.add(a.id())) {
                throw new IllegalArgumentException(dir + ": duplicate label id " + a.id());
            }
        }
        all.sort(Comparator.comparing(LabelledArticle::id));
        return all;
    }

    private static void readFile(Path file, List<LabelledArticle> into) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    into.add(parse(Json.mapper().readTree(line)));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(
                            file + ":" + number + ": not a labelled article: " + e.getMessage(), e);
                }
            }
        }
    }

    private static LabelledArticle parse(JsonNode n) {
        if (!n.hasNonNull("id") || !n.hasNonNull("topic") || !n.has("relevant")) {
            throw new IllegalArgumentException("needs id, topic and relevant");
        }
        return new LabelledArticle(
                n.get("id").asText(),
                n.get("topic").asText(),
                n.get("relevant").asBoolean(),
                strings(n.get("themes")),
                n.path("language").asText(null),
                n.path("title").asText(""),
                n.path("text").asText(""),
                strings(n.get("countries")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
