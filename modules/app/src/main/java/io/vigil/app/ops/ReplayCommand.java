package io.vigil.app.ops;

import io.vigil.core.kafka.Topics;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code vigil replay --stage <stage> --from <start|offset|date|date-time> [--group G] [--kafka
 * HOST:PORT] [--topic-prefix P] [--dry-run]}: moves a stopped stage's consumer group back on its
 * input topic, so that the stage processes again from there when it next starts (e.g. after a
 * classifier change). Every stage's output is keyed by article id (and deliveries by alert and
 * story), so a replay gives the same result as the first run: the index ends with the same
 * documents, no alert is sent twice. The stage must be stopped: Kafka refuses to move the offsets
 * of a group with live members, and the command says so.
 */
public final class ReplayCommand {

    /** A stage's consumer group (after the topic prefix where the stage adds it) and input. */
    record Stage(
            String group, boolean prefixed, java.util.function.Function<Topics, String> input) {}

    static final Map<String, Stage> STAGES =
            Map.of(
                    "crawler", new Stage("vigil-page-fetcher", false, Topics::entriesDiscovered),
                    "dedup", new Stage("vigil-dedup", false, Topics::articlesFetched),
                    "classifier", new Stage("vigil-classifier", false, Topics::articlesAccepted),
                    "indexer", new Stage("vigil-indexer", true, Topics::articlesClassified),
                    "alerting", new Stage("vigil-alerting", false, Topics::articlesClassified));

    private static final String USAGE =
            "usage: vigil replay --stage <"
                    + String.join("|", new java.util.TreeSet<>(STAGES.keySet()))
                    + "> --from <start|OFFSET|YYYY-MM-DD|ISO-8601 time> [--group G] [--kafka"
                    + " HOST:PORT] [--topic-prefix P] [--dry-run]";

    private ReplayCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> o = new HashMap<>();
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--dry-run")) {
                dryRun = true;
            } else if (args.get(i).startsWith("--") && i + 1 < args.size()) {
                o.put(args.get(i), args.get(++i));
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        Stage stage = STAGES.get(o.getOrDefault("--stage", ""));
        String from = o.get("--from");
        if (stage == null || from == null) {
            err.println(USAGE);
            return 2;
        }
        String prefix = o.getOrDefault("--topic-prefix", "");
        Topics topics = new Topics(prefix);
        String group = o.getOrDefault("--group", (stage.prefixed() ? prefix : "") + stage.group());
        String topic = stage.input().apply(topics);
        OffsetSpec spec;
        Long offset = null;
        try {
            if (from.equals("start")) {
                spec = OffsetSpec.earliest();
            } else if (from.matches("\\d+")) {
                offset = Long.parseLong(from);
                spec = OffsetSpec.earliest();
            } else {
                spec = OffsetSpec.forTimestamp(time(from).toEpochMilli());
            }
        } catch (DateTimeParseException e) {
            err.println("vigil replay: --from is neither start, an offset nor a date: " + from);
            return 2;
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", o.getOrDefault("--kafka", env("VIGIL_KAFKA", "127.0.0.1:9092")));
        p.put("request.timeout.ms", 15_000);
        p.put("default.api.timeout.ms", 15_000);
        try (Admin admin = Admin.create(p)) {
            ConsumerGroupDescription d =
                    admin.describeConsumerGroups(List.of(group))
                            .all()
                            .get(15, TimeUnit.SECONDS)
                            .get(group);
            if (!d.members().isEmpty()) {
                err.printf(
                        Locale.ROOT,
                        "vigil replay: the %s stage is running (%d member(s) in group %s); stop it"
                                + " first, then replay and start it again%n",
                        o.get("--stage"),
                        d.members().size(),
                        group);
                return 1;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(15, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            Map<TopicPartition, Long> targets = offsets(admin, partitions, spec);
            Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> moves = new HashMap<>();
            long records = 0;
            for (TopicPartition tp : partitions) {
                long end = ends.get(tp);
                long target = targets.getOrDefault(tp, -1L);
                target = target < 0 ? end : target; // no record at or after that time
                if (offset != null) {
                    target = Math.min(Math.max(offset, target), end);
                }
                moves.put(tp, new OffsetAndMetadata(target));
                records += end - target;
            }
            out.printf(
                    Locale.ROOT,
                    "%s group %s to %s on %s: %d offset(s) to process again (records, and"
                            + " transaction markers when the topic is written transactionally)%n",
                    dryRun ? "would move" : "moving",
                    group,
                    from,
                    topic,
                    records);
            if (!dryRun) {
                admin.alterConsumerGroupOffsets(group, moves).all().get(15, TimeUnit.SECONDS);
                out.println("done: start the stage to replay");
            }
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println(
                    "vigil replay: "
                            + cause.getClass().getSimpleName()
                            + ": "
                            + cause.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static Map<TopicPartition, Long> offsets(
            Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
                admin.listOffsets(request).all().get(15, TimeUnit.SECONDS).entrySet()) {
            result.put(e.getKey(), e.getValue().offset());
        }
        return result;
    }

    static Instant time(String s) {
        return s.length() == 10
                ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                : OffsetDateTime.parse(s).toInstant();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
