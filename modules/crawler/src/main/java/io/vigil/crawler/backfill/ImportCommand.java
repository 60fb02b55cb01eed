package io.vigil.crawler.backfill;

import io.vigil.core.event.ArticleFetched;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.TopicAdmin;
import io.vigil.core.kafka.Topics;
import io.vigil.crawler.page.ArticleExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code vigil import <file.jsonl|file.warc.gz|dir>... [--alert] [--kafka HOST:PORT]
 * [--topic-prefix P] [--state FILE]}: back-fills historical articles, carrying their own dates,
 * into the fetched-articles topic, so they pass through the same dedup, classification and indexing
 * as crawled ones. They raise no alerts unless {@code --alert}. A progress line on stderr, a
 * summary at the end. Resumable: progress is checkpointed per file (in {@code
 * data/import-state.json}) every {@value #CHECKPOINT} records once Kafka acknowledged them, and a
 * new run skips what was done; after a crash at most one checkpoint's worth is sent again, which
 * the pipeline absorbs (same article ids).
 */
public final class ImportCommand {

    static final int CHECKPOINT = 500;
    private static final int SHOWN_PROBLEMS = 10;

    private ImportCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> inputs = new ArrayList<>();
        boolean alert = false;
        String kafka = env("VIGIL_KAFKA", "127.0.0.1:9092");
        String prefix = "";
        Path stateFile = Path.of("data", "import-state.json");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--alert" -> alert = true;
                case "--kafka", "--topic-prefix", "--state" -> {
                    if (i + 1 >= args.size()) {
                        return usage(err);
                    }
                    String value = args.get(++i);
                    if (arg.equals("--kafka")) {
                        kafka = value;
                    } else if (arg.equals("--topic-prefix")) {
                        prefix = value;
                    } else {
                        stateFile = Path.of(value);
                    }
                }
                default -> {
                    if (arg.startsWith("--")) {
                        return usage(err);
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (inputs.isEmpty()) {
            return usage(err);
        }
        List<Path> files;
        try {
            files = files(inputs);
        } catch (IOException | IllegalArgumentException e) {
            err.println("vigil import: " + e.getMessage());
            return 2;
        }
        Topics topics = new Topics(prefix);
        try {
            TopicAdmin.ensureExist(List.of(kafka), Map.of(), List.of(topics.articlesFetched()));
        } catch (RuntimeException e) {
            err.println("vigil import: Kafka at " + kafka + " is not reachable: " + e.getMessage());
            return 1;
        }
        ImportState state = ImportState.load(stateFile);
        Progress progress = new Progress(err, files.size());
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        ArticleExtractor extractor = new ArticleExtractor();
        try (KafkaProducer<String, ArticleFetched> producer = producer(kafka)) {
            for (Path file : files) {
                long skip = state.done(file);
                progress.file(file, skip);
                if (skip == Long.MAX_VALUE) {
                    continue;
                }
                try (ImportSource source =
                        ImportSource.open(file, extractor, !alert, Clock.systemUTC())) {
                    Imported item;
                    long sinceCheckpoint = 0;
                    while ((item = source.next()) != null) {
                        if (source.position() <= skip) {
                            continue;
                        }
                        if (item.article() != null) {
                            ArticleFetched a = item.article();
                            producer.send(
                                    new ProducerRecord<>(
                                            topics.articlesFetched(), a.articleId(), a),
                                    (meta, e) -> {
                                        if (e != null) {
                                            sendFailure.compareAndSet(null, e);
                                        }
                                    });
                            progress.imported();
                        } else if (item.problem() != null) {
                            progress.problem(file.getFileName() + ": " + item.problem());
                        }
                        if (++sinceCheckpoint >= CHECKPOINT) {
                            checkpoint(
                                    producer, sendFailure, state, file, source.position(), false);
                            sinceCheckpoint = 0;
                        }
                    }
                    checkpoint(producer, sendFailure, state, file, source.position(), true);
                }
            }
        } catch (IOException | RuntimeException e) {
            progress.end();
            err.println("vigil import: stopped: " + e.getMessage());
            err.println("vigil import: run the same command again to resume");
            return 1;
        }
        progress.end();
        out.println(progress.summary());
        progress.problems().stream().limit(SHOWN_PROBLEMS).forEach(p -> err.println("  " + p));
        if (progress.problems().size() > SHOWN_PROBLEMS) {
            err.println("  ... and " + (progress.problems().size() - SHOWN_PROBLEMS) + " more");
        }
        return 0;
    }

    private static void checkpoint(
            KafkaProducer<String, ArticleFetched> producer,
            AtomicReference<Exception> failure,
            ImportState state,
            Path file,
            long position,
            boolean finished)
            throws IOException {
        producer.flush();
        if (failure.get() != null) {
            throw new IOException("Kafka refused a record: " + failure.get().getMessage());
        }
        state.record(file, position, finished);
    }

    private static List<Path> files(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ImportSource::accepts)
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(input) && ImportSource.accepts(input)) {
                files.add(input);
            } else if (Files.isRegularFile(input)) {
                throw new IllegalArgumentException(
                        input + ": not .jsonl, .jsonl.gz, .warc or .warc.gz");
            } else {
                throw new IllegalArgumentException(input + ": no such file or directory");
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .jsonl or .warc files in " + inputs);
        }
        return files;
    }

    private static KafkaProducer<String, ArticleFetched> producer(String kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(p, new StringSerializer(), JsonSerde.of(ArticleFetched.class));
    }

    private static int usage(PrintStream err) {
        err.println(
                "usage: vigil import <file.jsonl|file.warc.gz|dir>... [--alert] [--kafka HOST:PORT]"
                        + " [--topic-prefix P] [--state FILE]");
        return 2;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String format(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
