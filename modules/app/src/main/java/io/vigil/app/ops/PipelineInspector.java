package io.vigil.app.ops;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vigil.core.feed.FeedState;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the pipeline's state from Kafka and Elasticsearch without joining any consumer group:
 * consumer lag per group, dead letters per stage, the last state of every feed, articles indexed
 * today and in total, alert deliveries today. What cannot be read is reported, not thrown.
 */
final class PipelineInspector implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String bootstrap;
    private final Topics topics;
    private final ElasticsearchClient elasticsearch;
    private final String alias;

    PipelineInspector(
            String bootstrap, Topics topics, ElasticsearchClient elasticsearch, String alias) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("request.timeout.ms", (int) TIMEOUT.toMillis());
        p.put("default.api.timeout.ms", (int) TIMEOUT.toMillis());
        this.admin = Admin.create(p);
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.elasticsearch = elasticsearch;
        this.alias = alias;
    }

    PipelineSnapshot snapshot() {
        List<String> problems = new ArrayList<>();
        Map<String, PipelineSnapshot.Group> groups = new TreeMap<>();
        Map<String, Long> deadLetters = new TreeMap<>();
        long alertsToday = 0;
        try {
            groups = groups();
            deadLetters = deadLetters();
            alertsToday = recordsSince(topics.alertDeliveries(), startOfToday());
        } catch (Exception e) {
            problems.add("Kafka at " + bootstrap + ": " + rootMessage(e));
        }
        List<FeedState> feeds = List.of();
        try {
            feeds = feeds();
        } catch (Exception e) {
            problems.add("feed states: " + rootMessage(e));
        }
        long today = -1;
        long total = -1;
        if (elasticsearch != null) {
            try {
                total = elasticsearch.count(c -> c.index(alias).ignoreUnavailable(true)).count();
                String since = startOfToday().toString();
                today =
                        elasticsearch
                                .count(
                                        c ->
                                                c.index(alias)
                                                        .ignoreUnavailable(true)
                                                        .query(
                                                                q ->
                                                                        q.range(
                                                                                r ->
                                                                                        r.date(
                                                                                                d ->
                                                                                                        d.field(
                                                                                                                        "fetchedAt")
                                                                                                                .gte(
                                                                                                                        since)))))
                                .count();
            } catch (Exception e) {
                problems.add("Elasticsearch: " + rootMessage(e));
            }
        }
        return new PipelineSnapshot(
                Instant.now(), groups, deadLetters, feeds, today, total, alertsToday, problems);
    }

    private Map<String, PipelineSnapshot.Group> groups() throws Exception {
        Map<String, PipelineSnapshot.Group> result = new TreeMap<>();
        for (ConsumerGroupListing g :
                admin.listConsumerGroups().all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(g.groupId())
                            .partitionsToOffsetAndMetadata()
                            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            committed.values().removeIf(java.util.Objects::isNull);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, Long> end = offsets(committed.keySet(), OffsetSpec.latest());
            long sum = 0;
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                sum += e.getValue().offset();
                lag += Math.max(0, end.getOrDefault(e.getKey(), 0L) - e.getValue().offset());
            }
            result.put(g.groupId(), new PipelineSnapshot.Group(sum, lag));
        }
        return result;
    }

    private Map<String, Long> deadLetters() throws Exception {
        String prefix = topics.deadLetters("x");
        prefix = prefix.substring(0, prefix.length() - 1);
        Map<String, Long> result = new TreeMap<>();
        for (String topic : admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            if (topic.startsWith(prefix)) {
                result.put(topic.substring(prefix.length()), count(topic, null));
            }
        }
        return result;
    }

    private long recordsSince(String topic, Instant since) throws Exception {
        if (!admin.listTopics()
                .names()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .contains(topic)) {
            return 0;
        }
        return count(topic, since);
    }

    /** Records in a topic (from {@code since}, or all that are retained). */
    private long count(String topic, Instant since) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> start =
                offsets(
                        partitions,
                        since == null
                                ? OffsetSpec.earliest()
                                : OffsetSpec.forTimestamp(since.toEpochMilli()));
        long n = 0;
        for (TopicPartition tp : partitions) {
            long from = start.getOrDefault(tp, -1L);
            long to = end.getOrDefault(tp, 0L);
            n += from < 0 ? 0 : Math.max(0, to - from);
        }
        return n;
    }

    private Map<TopicPartition, Long> offsets(
            java.util.Collection<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
                admin.listOffsets(request)
                        .all()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        .entrySet()) {
            result.put(e.getKey(), e.getValue().offset());
        }
        return result;
    }

    /** The last state of every feed, from the compacted feed-state topic. */
    private List<FeedState> feeds() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        JsonSerde<FeedState> serde = JsonSerde.of(FeedState.class);
        Map<String, FeedState> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            var infos = consumer.partitionsFor(topics.feedState(), TIMEOUT);
            if (infos == null) {
                return List.of();
            }
            infos.forEach(
                    i -> partitions.add(new TopicPartition(topics.feedState(), i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                        continue;
                    }
                    try {
                        latest.put(r.key(), serde.deserialize(r.topic(), r.value()));
                    } catch (RuntimeException e) {
                        // a state written by another version: not counted
                    }
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    private static Instant startOfToday() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
