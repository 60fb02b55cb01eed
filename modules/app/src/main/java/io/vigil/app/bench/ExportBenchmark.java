package io.vigil.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.vigil.core.elasticsearch.ElasticsearchClients;
import io.vigil.core.elasticsearch.ElasticsearchConnection;
import io.vigil.embedded.EmbeddedProperties;
import io.vigil.embedded.EmbeddedStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/**
 * {@code vigil bench export [--articles N] [--words W] [--data DIR] [--dir DIR] [--format F]
 * [--heap H] [--slices N] [--page-size N]}: loads N synthetic articles (default 1,000,000, with
 * generated texts of W words, default 200, so that a million load in minutes on two cores; {@code
 * --data} takes the texts of the extraction benchmark instead, 4.4 KB on average) into an embedded
 * Elasticsearch node kept in {@code DIR} (default {@code data/bench-export}, so that later runs
 * reuse the corpus), then runs {@code vigil export} in a child JVM with {@code -Xmx256m} to JSON
 * Lines and reports its rate and peak heap. Last line: {@code export: articles=… articles_per_s=…
 * peak_heap_mb=…}.
 */
public final class ExportBenchmark {

    static final String ALIAS = "bench-export";
    private static final Pattern STATS =
            Pattern.compile("export-stats: articles=(\\d+) seconds=([0-9.]+) peak_heap_mb=(\\d+)");

    private ExportBenchmark() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int articles = 1_000_000;
        Path dir = Path.of("data", "bench-export");
        Path texts = null;
        int words = 200;
        String format = "jsonl";
        String heap = "256m";
        String slices = "2";
        String pageSize = null;
        for (int i = 0; i < args.size(); i++) {
            if (i + 1 >= args.size()) {
                err.println("bench export: " + args.get(i) + " needs a value");
                return 2;
            }
            switch (args.get(i)) {
                case "--articles" -> articles = Integer.parseInt(args.get(++i));
                case "--dir" -> dir = Path.of(args.get(++i));
                case "--data" -> texts = Path.of(args.get(++i));
                case "--words" -> words = Integer.parseInt(args.get(++i));
                case "--format" -> format = args.get(++i);
                case "--heap" -> heap = args.get(++i);
                case "--slices" -> slices = args.get(++i);
                case "--page-size" -> pageSize = args.get(++i);
                default -> {
                    err.println("bench export: unknown option " + args.get(i));
                    return 2;
                }
            }
        }
        try {
            Files.createDirectories(dir);
            try (EmbeddedStack stack =
                            EmbeddedStack.start(
                                    new EmbeddedProperties(
                                            dir.toAbsolutePath(),
                                            new EmbeddedProperties.Kafka(0, 0),
                                            new EmbeddedProperties.Elasticsearch(
                                                    0, null, DataSize.ofGigabytes(1), null, null)),
                                    false,
                                    true);
                    ElasticsearchClient client =
                            ElasticsearchClients.create(
                                    ElasticsearchConnection.of(stack.elasticsearchUri()))) {
                long have = count(client);
                if (have < articles) {
                    out.printf(
                            Locale.ROOT,
                            "loading %,d articles (texts: %s; %,d already in %s)%n",
                            articles - have,
                            texts == null ? "generated, " + words + " words" : texts,
                            have,
                            dir);
                    BenchCorpus corpus =
                            texts == null ? BenchCorpus.generated(words) : BenchCorpus.load(texts);
                    BenchLoader.load(client, ALIAS, corpus, have, articles, out);
                    have = count(client);
                }
                out.printf(Locale.ROOT, "corpus: %,d articles in %s%n", have, ALIAS);
                return export(stack, dir, format, heap, slices, pageSize, out, err);
            }
        } catch (IOException | RuntimeException e) {
            err.println("bench export: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int export(
            EmbeddedStack stack,
            Path dir,
            String format,
            String heap,
            String slices,
            String pageSize,
            PrintStream out,
            PrintStream err)
            throws IOException, InterruptedException {
        Path file = dir.resolve("export." + format);
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve("export." + format + ".cursor.json"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        String classpath = System.getProperty("java.class.path");
        if (classpath.endsWith(".jar") && !classpath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classpath));
        } else {
            command.addAll(List.of("-cp", classpath, "io.vigil.app.VigilApplication"));
        }
        command.addAll(
                List.of(
                        "export",
                        "--elasticsearch",
                        stack.elasticsearchUri().toString(),
                        "--alias",
                        ALIAS,
                        "--format",
                        format,
                        "--out",
                        file.toString(),
                        "--slices",
                        slices,
                        "--no-progress",
                        "--stats"));
        if (pageSize != null) {
            command.addAll(List.of("--page-size", pageSize));
        }
        out.println("exporting in a child JVM with -Xmx" + heap + " to " + file);
        long started = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Matcher stats = null;
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher m = STATS.matcher(line);
                if (m.find()) {
                    stats = m;
                }
                out.println("  " + line);
            }
        }
        int code = child.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        if (code != 0 || stats == null) {
            err.println("bench export: the export failed (exit " + code + ")");
            return 1;
        }
        long n = Long.parseLong(stats.group(1));
        double seconds = Double.parseDouble(stats.group(2));
        out.printf(
                Locale.ROOT,
                "file: %,d bytes; child JVM wall time %.1f s (start-up included)%n",
                Files.size(file),
                wall);
        out.printf(
                Locale.ROOT,
                "export: articles=%d articles_per_s=%.0f peak_heap_mb=%s%n",
                n,
                n / seconds,
                stats.group(3));
        return 0;
    }

    static long count(ElasticsearchClient client) throws IOException {
        try {
            client.indices().refresh(r -> r.index(ALIAS + "-*").allowNoIndices(true));
            return client.count(c -> c.index(ALIAS + "-*").allowNoIndices(true)).count();
        } catch (ElasticsearchException e) {
            return 0;
        }
    }
}
