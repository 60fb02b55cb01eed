package io.vigil.classifier.topic;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads topic definitions from {@code config/topics/*.yml}. A topic file that is not valid is a
 * configuration error: the message names the file and the field, and nothing starts with a topic
 * silently missing.
 */
public final class TopicFiles {

    private TopicFiles() {}

    /** Every {@code *.yml} topic in a directory, sorted by id. */
    public static List<TopicDefinition> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidTopicException(dir + ": no such topics directory");
        }
        List<TopicDefinition> topics = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                topics.add(read(file));
            }
        } catch (IOException e) {
            throw new InvalidTopicException(dir + ": cannot list topics: " + e.getMessage());
        }
        return topics;
    }

    /** One topic file. */
    public static TopicDefinition read(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | RuntimeException e) {
            throw new InvalidTopicException(file + ": not readable YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new InvalidTopicException(file + ": expected a mapping at the top");
        }
        String expectedId = file.getFileName().toString().replaceFirst("\\.yml$", "");
        Fields f = new Fields(file, map);
        String id = f.string("id", expectedId);
        if (!id.equals(expectedId)) {
            throw new InvalidTopicException(file + ": id '" + id + "' differs from the file name");
        }
        Map<String, List<String>> terms = new LinkedHashMap<>();
        f.map("terms")
                .forEach((name, values) -> terms.put(name, f.strings(values, "terms." + name)));
        List<TopicDefinition.WeightedQuery> include = new ArrayList<>();
        for (Map<?, ?> q : f.maps("include")) {
            Fields qf = new Fields(file, q);
            include.add(
                    new TopicDefinition.WeightedQuery(qf.required("query"), qf.unit("weight", 1)));
        }
        List<TopicDefinition.Theme> themes = new ArrayList<>();
        for (Map<?, ?> t : f.maps("themes")) {
            Fields tf = new Fields(file, t);
            themes.add(
                    new TopicDefinition.Theme(
                            tf.required("id"),
                            tf.string("name", null),
                            tf.required("query"),
                            tf.unit("threshold", 0.5)));
        }
        return new TopicDefinition(
                id,
                f.string("name", id),
                f.string("description", null),
                f.unit("threshold", 0.5),
                terms,
                f.strings(map.get("density"), "density"),
                include,
                f.strings(map.get("exclude"), "exclude"),
                themes);
    }

    /** Typed access to a YAML mapping, with errors that name the file and field. */
    private record Fields(Path file, Map<?, ?> map) {

        String required(String key) {
            String value = string(key, null);
            if (value == null || value.isBlank()) {
                throw new InvalidTopicException(file + ": '" + key + "' is required");
            }
            return value;
        }

        String string(String key, String fallback) {
            Object value = map.get(key);
            return value == null ? fallback : value.toString();
        }

        double unit(String key, double fallback) {
            Object value = map.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
                throw new InvalidTopicException(
                        file + ": '" + key + "' must be a number from 0 to 1, not " + value);
            }
            return n.doubleValue();
        }

        Map<String, Object> map(String key) {
            Object value = map.get(key);
            Map<String, Object> result = new LinkedHashMap<>();
            if (value == null) {
                return result;
            }
            if (!(value instanceof Map<?, ?> m)) {
                throw new InvalidTopicException(file + ": '" + key + "' must be a mapping");
            }
            m.forEach((k, v) -> result.put(k.toString(), v));
            return result;
        }

        List<Map<?, ?>> maps(String key) {
            Object value = map.get(key);
            List<Map<?, ?>> result = new ArrayList<>();
            if (value == null) {
                return result;
            }
            if (!(value instanceof List<?> list)) {
                throw new InvalidTopicException(file + ": '" + key + "' must be a list");
            }
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> m)) {
                    throw new InvalidTopicException(
                            file + ": every item of '" + key + "' must be a mapping");
                }
                result.add(m);
            }
            return result;
        }

        List<String> strings(Object value, String key) {
            List<String> result = new ArrayList<>();
            if (value == null) {
                return result;
            }
            if (!(value instanceof List<?> list)) {
                throw new InvalidTopicException(file + ": '" + key + "' must be a list");
            }
            for (Object item : list) {
                result.add(String.valueOf(item));
            }
            return result;
        }
    }
}
