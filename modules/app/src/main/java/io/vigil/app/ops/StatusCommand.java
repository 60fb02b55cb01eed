package io.vigil.app.ops;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.core.elasticsearch.ElasticsearchClients;
import io.vigil.core.elasticsearch.ElasticsearchConnection;
import io.vigil.core.feed.FeedHealth;
import io.vigil.core.feed.FeedState;
import io.vigil.core.kafka.Topics;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vigil status [--watch [SECONDS]] [--kafka HOST:PORT] [--elasticsearch URL] [--topic-prefix
 * P]}: per stage (consumer group) the lag and records/s, dead letters per stage, feeds by health
 * with the worst offenders, articles indexed today and in total, alert deliveries today. Connects
 * to {@code VIGIL_KAFKA} / {@code VIGIL_ELASTICSEARCH} when set, else to the local embedded
 * servers' default ports. Exit code 1 when Kafka cannot be read.
 */
public final class StatusCommand {

    private static final String USAGE =
            "usage: vigil status [--watch [SECONDS]] [--kafka HOST:PORT] [--elasticsearch URL]"
                    + " [--topic-prefix PREFIX]";

    private StatusCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        boolean watch = false;
        int seconds = 5;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--watch")) {
                watch = true;
                if (i + 1 < args.size() && args.get(i + 1).matches("\\d+")) {
                    seconds = Math.max(1, Integer.parseInt(args.get(++i)));
                }
            } else if (arg.startsWith("--") && i + 1 < args.size()) {
                options.put(arg, args.get(++i));
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        String kafka = options.getOrDefault("--kafka", env("VIGIL_KAFKA", "127.0.0.1:9092"));
        String es =
                options.getOrDefault(
                        "--elasticsearch", env("VIGIL_ELASTICSEARCH", "http://127.0.0.1:9200"));
        Topics topics = new Topics(options.getOrDefault("--topic-prefix", ""));
        ElasticsearchClient client =
                ElasticsearchClients.create(ElasticsearchConnection.of(URI.create(es)));
        try (PipelineInspector inspector =
                new PipelineInspector(kafka, topics, client, "vigil-articles")) {
            PipelineSnapshot before = inspector.snapshot();
            do {
                sleep(watch ? Duration.ofSeconds(seconds) : Duration.ofSeconds(2));
                PipelineSnapshot now = inspector.snapshot();
                if (watch) {
                    out.print("\033[H\033[2J");
                }
                render(before, now, kafka, es, out);
                out.flush();
                if (!now.problems().isEmpty() && now.groups().isEmpty() && !watch) {
                    return 1;
                }
                before = now;
            } while (watch);
        }
        return 0;
    }

    static void render(
            PipelineSnapshot before,
            PipelineSnapshot now,
            String kafka,
            String es,
            PrintStream out) {
        double seconds = Math.max(0.001, Duration.between(before.at(), now.at()).toMillis() / 1e3);
        out.printf(
                Locale.ROOT,
                "Vigil status at %s (Kafka %s, Elasticsearch %s)%n%n",
                now.at(),
                kafka,
                es);
        out.printf(Locale.ROOT, "%-44s %12s %12s%n", "stage (consumer group)", "lag", "records/s");
        now.groups()
                .forEach(
                        (group, g) -> {
                            PipelineSnapshot.Group b = before.groups().get(group);
                            double rate = b == null ? 0 : (g.committed() - b.committed()) / seconds;
                            out.printf(
                                    Locale.ROOT,
                                    "%-44s %12d %12.1f%n",
                                    group,
                                    g.lag(),
                                    Math.max(0, rate));
                        });
        if (now.groups().isEmpty()) {
            out.println("(no consumer group has committed yet)");
        }
        out.println();
        StringBuilder dead = new StringBuilder("dead letters:");
        now.deadLetters()
                .forEach((stage, n) -> dead.append(' ').append(stage).append('=').append(n));
        out.println(now.deadLetters().isEmpty() ? "dead letters: none" : dead);
        StringBuilder feeds = new StringBuilder("feeds (" + now.feeds().size() + "):");
        now.feedsByHealth().forEach((h, n) -> feeds.append(' ').append(h).append('=').append(n));
        out.println(feeds);
        now.feeds().stream()
                .filter(f -> f.health() == FeedHealth.FAILING || f.health() == FeedHealth.GONE)
                .sorted(Comparator.comparingInt(FeedState::consecutiveErrors).reversed())
                .limit(5)
                .forEach(
                        f ->
                                out.printf(
                                        Locale.ROOT,
                                        "  %-28s %-8s %3d failed polls; %s%n",
                                        f.feedId(),
                                        f.health(),
                                        f.consecutiveErrors(),
                                        f.lastError() == null ? "" : f.lastError()));
        out.printf(
                Locale.ROOT,
                "articles indexed: today %s, total %s%n",
                count(now.articlesToday()),
                count(now.articlesTotal()));
        out.printf(Locale.ROOT, "alerts delivered today: %d%n", now.alertsToday());
        now.problems().forEach(p -> out.println("cannot read " + p));
    }

    private static String count(long n) {
        return n < 0 ? "?" : Long.toString(n);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
