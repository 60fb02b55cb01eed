package io.vigil.crawler.source;

import io.vigil.core.feed.Feed;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a feed list ({@code seeds/feeds.yml}) into {@link Feed} records. A bad entry is reported
 * with its line number and skipped; the rest still load. Only a file that cannot be read or is not
 * YAML at all fails the whole load (as a problem on line 1, never an exception).
 */
public final class FeedSeeds {

    private static final Set<String> KEYS =
            Set.of("id", "url", "name", "country", "language", "tags", "poll-interval");
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private FeedSeeds() {}

    /** What a load produced: the good feeds in file order, and one problem per bad entry. */
    public record Load(List<Feed> feeds, List<Problem> problems) {
        public Load {
            feeds = List.copyOf(feeds);
            problems = List.copyOf(problems);
        }
    }

    /** A bad entry: its 1-based line and what is wrong. */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    public static Load load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Load(List.of(), List.of(new Problem(1, "cannot read " + file + ": " + e)));
        }
    }

    public static Load parse(String yaml) {
        List<Feed> feeds = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Node root;
        try (Reader reader = new StringReader(yaml)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException | IOException e) {
            return new Load(
                    List.of(), List.of(new Problem(1, "not valid YAML: " + e.getMessage())));
        }
        Node list = root instanceof MappingNode map ? value(map, "feeds") : root;
        if (!(list instanceof SequenceNode sequence)) {
            return new Load(
                    List.of(),
                    List.of(new Problem(line(root), "expected a 'feeds:' list of feed entries")));
        }
        Set<String> ids = new HashSet<>();
        for (Node item : sequence.getValue()) {
            try {
                Feed feed = feed(item);
                if (!ids.add(feed.id())) {
                    throw new IllegalArgumentException("duplicate id '" + feed.id() + "'");
                }
                feeds.add(feed);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(line(item), e.getMessage()));
            }
        }
        return new Load(feeds, problems);
    }

    private static Feed feed(Node item) {
        if (!(item instanceof MappingNode map)) {
            throw new IllegalArgumentException("an entry must be a mapping of id, url, ...");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown field '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
            fields.put(key, tuple.getValueNode());
        }
        String id = required(fields, "id");
        URI url = url(required(fields, "url"));
        String country = optional(fields, "country");
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException(
                    "country must be an ISO 3166-1 alpha-2 code: " + country);
        }
        String language = optional(fields, "language");
        if (language != null && Locale.forLanguageTag(language).getLanguage().isEmpty()) {
            throw new IllegalArgumentException("language must be a BCP 47 tag: " + language);
        }
        Duration interval = null;
        String rawInterval = optional(fields, "poll-interval");
        if (rawInterval != null) {
            try {
                interval = DurationStyle.detectAndParse(rawInterval);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "poll-interval is not a duration (e.g. 15m, 1h): " + rawInterval);
            }
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException(
                        "poll-interval must be at least 1m: " + rawInterval);
            }
        }
        return new Feed(
                Feed.SCHEMA,
                id,
                url,
                optional(fields, "name"),
                country == null ? null : country.toUpperCase(Locale.ROOT),
                language,
                tags(fields.get("tags")),
                interval);
    }

    private static URI url(String raw) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("url must be an absolute http(s) URL: " + raw);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL: " + raw);
        }
    }

    private static List<String> tags(Node node) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence) {
            List<String> tags = new ArrayList<>();
            for (Node tag : sequence.getValue()) {
                tags.add(scalar(tag, "tag"));
            }
            return tags;
        }
        return List.of(scalar(node, "tags").split("\\s*,\\s*"));
    }

    private static String required(Map<String, Node> fields, String key) {
        String value = optional(fields, key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return value;
    }

    private static String optional(Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        if (node == null) {
            return null;
        }
        String value = scalar(node, key).trim();
        return value.isEmpty() ? null : value;
    }

    private static String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new IllegalArgumentException(what + " must be a single value");
    }

    private static Node value(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
