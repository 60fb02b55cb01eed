package io.vigil.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.vigil.alerting.AlertingProperties;
import io.vigil.alerting.AlertingStage;
import io.vigil.alerting.bench.MatchThroughput;
import io.vigil.alerting.bench.Vocabulary;
import io.vigil.core.alert.Alert;
import io.vigil.core.build.SuppressForbidden;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.json.Json;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.TopicAdmin;
import io.vigil.core.kafka.Topics;
import io.vigil.embedded.EmbeddedProperties;
import io.vigil.embedded.EmbeddedStack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code vigil bench alerts [--alerts N] [--seconds N] [--probes N] [--rate N] [--seed N] [--fuzzy
 * N]}: with N generated alerts (default 10,000; {@code --fuzzy N} adds N fuzzy and N wildcard
 * alerts on topic words) registered, (1) matching throughput on one thread and (2) the latency from
 * an {@code ArticleClassified} produced to Kafka to the webhook a local server receives, through
 * the whole stage (matching, the by-story hop, the once-per-story store, the delivery log, the
 * sender) on an embedded broker. Probe articles go at {@code rate} per second, each with an
 * unrelated article beside it; the first tenth are warm-up. Last line: {@code alerts: queries=…
 * latency_p99_ms=… match_articles_per_s=…}.
 */
@SuppressForbidden(reason = "the JDK's HttpServer is the bench's webhook receiver")
public final class AlertsBenchmark {

    private static final String PROBE = "vigilprobe";

    private AlertsBenchmark() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            o.put(args.get(i), args.get(i + 1));
        }
        int alerts = Integer.parseInt(o.getOrDefault("--alerts", "10000"));
        double seconds = Double.parseDouble(o.getOrDefault("--seconds", "10"));
        int probes = Integer.parseInt(o.getOrDefault("--probes", "300"));
        int rate = Integer.parseInt(o.getOrDefault("--rate", "20"));
        long seed = Long.parseLong(o.getOrDefault("--seed", "42"));
        Instant now = Instant.now();
        Vocabulary vocabulary = new Vocabulary(seed);
        List<Alert> generated = new ArrayList<>(vocabulary.alerts(alerts, now));
        List<ArticleClassified> articles = vocabulary.articles(2000, now);
        int fuzzy = Integer.parseInt(o.getOrDefault("--fuzzy", "0"));
        generated.addAll(Vocabulary.fuzzyAndWildcardAlerts(fuzzy, now));

        MatchThroughput t = MatchThroughput.measure(generated, articles, seconds);
        out.printf(
                Locale.ROOT,
                "matching, one thread: %d alerts registered in %d ms; %.0f articles/s (%.0f per"
                        + " CPU-second of the thread), %.1f alerts matched per article%n",
                generated.size(),
                t.registerMillis(),
                t.articlesPerSecond(),
                t.articlesPerCpuSecond(),
                t.matchesPerArticle());
        try {
            double p99 = latency(generated, vocabulary, probes, rate, out);
            out.printf(
                    Locale.ROOT,
                    "alerts: queries=%d latency_p99_ms=%.0f match_articles_per_s=%.0f%n",
                    generated.size(),
                    p99,
                    t.articlesPerSecond());
            return 0;
        } catch (Exception e) {
            err.println("alerts bench: the latency run failed: " + e);
            return 1;
        }
    }

    private static double latency(
            List<Alert> generated, Vocabulary vocabulary, int probes, int rate, PrintStream out)
            throws Exception {
        Path dir = Files.createTempDirectory("vigil-bench-alerts");
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext(
                "/hook",
                exchange -> {
                    long at = System.nanoTime();
                    JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
                    received.putIfAbsent(body.at("/article/articleId").asText(), at);
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        receiver.start();
        Topics topics = Topics.unprefixed();
        try (EmbeddedStack stack =
                EmbeddedStack.start(
                        EmbeddedProperties.defaults(dir).withFreePorts(), true, false)) {
            List<String> servers = List.of(stack.kafkaBootstrapServers());
            TopicAdmin.ensureExist(
                    servers,
                    Map.of(),
                    List.of(
                            topics.articlesClassified(),
                            topics.alerts(),
                            topics.alertDeliveries()));
            Map<String, Object> p = new HashMap<>();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.get(0));
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            Alert probe =
                    new Alert(
                            Alert.SCHEMA,
                            "probe",
                            "bench",
                            "probe",
                            PROBE,
                            null,
                            new Alert.Delivery(
                                    null,
                                    new Alert.Webhook(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + receiver.getAddress().getPort()
                                                            + "/hook"),
                                            "secret",
                                            null),
                                    null),
                            false,
                            null,
                            Instant.now(),
                            null);
            try (KafkaProducer<String, Alert> a =
                    new KafkaProducer<>(p, new StringSerializer(), JsonSerde.of(Alert.class))) {
                for (Alert alert : generated) {
                    a.send(new ProducerRecord<>(topics.alerts(), alert.id(), alert));
                }
                a.send(new ProducerRecord<>(topics.alerts(), probe.id(), probe)).get();
            }
            AlertingStage stage =
                    new AlertingStage(
                            AlertingProperties.defaults()
                                    .withApplication(
                                            "bench-alerting",
                                            dir.resolve("alerting"),
                                            "bench-sender"),
                            topics,
                            servers,
                            Map.of(),
                            null,
                            Clock.systemUTC());
            long t0 = System.nanoTime();
            stage.start();
            while (stage.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(50);
            }
            out.printf(
                    Locale.ROOT,
                    "stage started with %d alerts in %d ms%n",
                    generated.size() + 1,
                    (System.nanoTime() - t0) / 1_000_000);
            try (KafkaProducer<String, ArticleClassified> producer =
                    new KafkaProducer<>(
                            p, new StringSerializer(), JsonSerde.of(ArticleClassified.class))) {
                long interval = 1_000_000_000L / rate;
                long next = System.nanoTime();
                for (int i = 0; i < probes; i++) {
                    ArticleClassified a =
                            vocabulary.article(
                                    "https://probe.example/" + i, false, PROBE, Instant.now());
                    ArticleClassified other =
                            vocabulary.article(
                                    "https://other.example/" + i, i % 10 == 0, "", Instant.now());
                    while (System.nanoTime() < next) {
                        Thread.sleep(1);
                    }
                    sent.put(a.articleId(), System.nanoTime());
                    producer.send(
                            new ProducerRecord<>(topics.articlesClassified(), a.articleId(), a));
                    producer.send(
                            new ProducerRecord<>(
                                    topics.articlesClassified(), other.articleId(), other));
                    next += interval;
                }
                producer.flush();
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (received.size() < probes && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            stage.stop();
        } finally {
            receiver.stop(0);
            deleteQuietly(dir);
        }
        List<Double> ms = new ArrayList<>();
        int warmUp = probes / 10;
        int i = 0;
        for (int n = 0; n < probes; n++) {
            String id = io.vigil.core.url.ArticleIds.of(URI.create("https://probe.example/" + n));
            Long s = sent.get(id);
            Long r = received.get(id);
            if (i++ >= warmUp && s != null) {
                ms.add(r == null ? Double.POSITIVE_INFINITY : (r - s) / 1e6);
            }
        }
        ms.sort(Double::compare);
        double p50 = ms.get(ms.size() / 2);
        double p99 = ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.99) - 1));
        out.printf(
                Locale.ROOT,
                "latency, produce to webhook: %d probes at %d/s (+1 unrelated article each), %d received;"
                        + " p50 %.0f ms, p99 %.0f ms, max %.0f ms (first %d excluded as warm-up)%n",
                probes,
                rate,
                received.size(),
                p50,
                p99,
                ms.get(ms.size() - 1),
                warmUp);
        return p99;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
