package io.vigil.export.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.core.elasticsearch.ElasticsearchClients;
import io.vigil.core.elasticsearch.ElasticsearchConnection;
import io.vigil.core.json.Json;
import io.vigil.core.search.ArticleFilter;
import io.vigil.core.search.ArticleFilters;
import io.vigil.core.search.InvalidQueryException;
import io.vigil.export.ExportProperties;
import io.vigil.export.ExportRequest;
import io.vigil.export.Exporter;
import io.vigil.export.FileExport;
import io.vigil.export.format.Format;
import io.vigil.export.manifest.Manifest;
import io.vigil.export.schema.ExportField;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vigil export --out FILE [--query Q] [filters] [--format csv|jsonl|parquet] [--gzip]
 * [--fields a,b|all] [--text] [--manifest FILE]}: every matching article to a file, its manifest
 * beside it, a progress bar on stderr; run again after an interruption to resume. Reads from {@code
 * --elasticsearch} or {@code VIGIL_ELASTICSEARCH} (default {@code http://127.0.0.1:9200}).
 */
public final class ExportCommand {

    static final String USAGE =
            """
            usage: vigil export --out FILE [--query Q] [--from D] [--to D] [--lang l1,l2]
                                [--source s1,s2] [--country C1,C2] [--topic T] [--theme T]
                                [--story S] [--min-relevance R] [--format csv|jsonl|parquet]
                                [--gzip] [--fields f1,f2|all] [--text] [--manifest FILE]
                                [--elasticsearch URI] [--alias A] [--slices N] [--page-size N]
                                [--no-progress] [--stats]
            """;

    private static final Set<String> FLAGS = Set.of("--gzip", "--text", "--no-progress", "--stats");

    private ExportCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> o;
        try {
            o = options(args);
        } catch (IllegalArgumentException e) {
            err.println("vigil export: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (!o.containsKey("--out")) {
            err.println("vigil export: --out is required");
            err.print(USAGE);
            return 2;
        }
        String es =
                o.getOrDefault(
                        "--elasticsearch", env("VIGIL_ELASTICSEARCH", "http://127.0.0.1:9200"));
        ExportProperties settings;
        try {
            settings = settings(o);
        } catch (IllegalArgumentException e) {
            err.println("vigil export: " + e.getMessage());
            return 2;
        }
        Path data = Path.of(o.get("--out"));
        ExportRequest request;
        try {
            request = request(o);
        } catch (InvalidQueryException e) {
            return invalid(e, o.get("--query"), err);
        } catch (IllegalArgumentException | IOException e) {
            err.println("vigil export: " + e.getMessage());
            return 2;
        }
        HeapWatch heap = o.containsKey("--stats") ? HeapWatch.start() : null;
        long started = System.nanoTime();
        try (ElasticsearchClient client =
                ElasticsearchClients.create(ElasticsearchConnection.of(URI.create(es)))) {
            Exporter exporter = new Exporter(client, settings, ArticleFilters.defaults());
            if (FileExport.resumable(data)) {
                err.println("vigil export: resuming the unfinished export to " + data);
            }
            ProgressBar bar = o.containsKey("--no-progress") ? null : new ProgressBar(err);
            Manifest manifest =
                    new FileExport(exporter, Clock.systemUTC())
                            .run(request, data, bar == null ? (n, t) -> {} : bar::update);
            if (bar != null) {
                bar.finish();
            }
            Manifest.DataFile file = manifest.files().get(0);
            out.println(
                    "exported "
                            + file.rows()
                            + " articles to "
                            + data
                            + " ("
                            + file.bytes()
                            + " bytes, sha256 "
                            + file.sha256()
                            + "); manifest "
                            + FileExport.manifestOf(data));
            if (heap != null) {
                double seconds = (System.nanoTime() - started) / 1e9;
                err.printf(
                        java.util.Locale.ROOT,
                        "export-stats: articles=%d seconds=%.2f peak_heap_mb=%d%n",
                        file.rows(),
                        seconds,
                        heap.stop());
            }
            return 0;
        } catch (InvalidQueryException e) {
            return invalid(e, request.filter().q(), err);
        } catch (IOException | RuntimeException e) {
            err.println(
                    "vigil export: failed: "
                            + e
                            + (FileExport.resumable(data)
                                    ? " (run the same command again to resume)"
                                    : ""));
            return 1;
        }
    }

    private static ExportProperties settings(Map<String, String> o) {
        ExportProperties d = ExportProperties.defaults();
        return new ExportProperties(
                o.getOrDefault("--alias", null),
                o.containsKey("--page-size") ? Integer.valueOf(o.get("--page-size")) : null,
                null,
                o.containsKey("--slices") ? Integer.valueOf(o.get("--slices")) : null,
                d.keepAlive(),
                d.checkpointInterval(),
                null,
                null,
                null,
                null);
    }

    private static ExportRequest request(Map<String, String> o) throws IOException {
        if (o.containsKey("--manifest")) {
            Manifest m =
                    Json.mapper().readValue(Path.of(o.get("--manifest")).toFile(), Manifest.class);
            List<ExportField> fields =
                    m.dataDictionary().stream().map(c -> ExportField.byColumn(c.name())).toList();
            return new ExportRequest(m.query().filter(), fields, m.format(), m.gzip());
        }
        ArticleFilter filter =
                ArticleFilter.parse(
                        o.get("--query"),
                        o.get("--from"),
                        o.get("--to"),
                        list(o.get("--lang")),
                        list(o.get("--source")),
                        list(o.get("--country")),
                        o.get("--topic"),
                        o.get("--theme"),
                        o.get("--story"),
                        o.containsKey("--min-relevance")
                                ? Double.valueOf(o.get("--min-relevance"))
                                : null);
        List<ExportField> fields = new ArrayList<>(ExportField.parse(o.get("--fields")));
        if (o.containsKey("--text") && !fields.contains(ExportField.TEXT)) {
            fields.add(ExportField.TEXT);
        }
        Format format = Format.parse(o.getOrDefault("--format", "jsonl"));
        return new ExportRequest(filter, fields, format, o.containsKey("--gzip"));
    }

    private static int invalid(InvalidQueryException e, String q, PrintStream err) {
        err.println("vigil export: invalid " + e.parameter() + ": " + e.getMessage());
        if (e.position() != null && q != null) {
            err.println("  " + q);
            err.println("  " + " ".repeat(Math.min(e.position(), q.length())) + "^");
        }
        return 2;
    }

    private static List<String> list(String value) {
        return value == null ? null : Arrays.stream(value.split(",")).toList();
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            if (a.contains("=")) {
                o.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (FLAGS.contains(a)) {
                o.put(a, "true");
            } else if (i + 1 < args.size()) {
                o.put(a, args.get(++i));
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return o;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
