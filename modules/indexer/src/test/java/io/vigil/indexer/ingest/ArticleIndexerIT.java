package io.vigil.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.core.search.ArticleDocument;
import io.vigil.indexer.IndexerProperties;
import io.vigil.indexer.template.IndexTemplates;
import io.vigil.testkit.ClassifiedArticles;
import io.vigil.testkit.TestNamespace;
import io.vigil.testkit.VigilStack;
import io.vigil.testkit.VigilStackExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The indexer against the real broker and node. */
@ExtendWith(VigilStackExtension.class)
class ArticleIndexerIT {

    private static final JsonSerde<ArticleClassified> SERDE = JsonSerde.of(ArticleClassified.class);

    @Test
    void indexesReplacesWithNewerFetchesOnlyAndDeadLettersWhatCannotBeIndexed(
            VigilStack stack, TestNamespace ns) throws Exception {
        String alias = ns.index("basic");
        Topics topics = new Topics(ns.prefix() + "basic-");
        ns.createTopics(3, topics.articlesClassified(), topics.deadLetters("indexer"));
        new IndexTemplates(stack.elasticsearch()).applyArticles(alias);
        assertThat(new IndexTemplates(stack.elasticsearch()).applyArticles(alias))
                .isEqualTo(IndexTemplates.Outcome.UNCHANGED);

        Instant t0 = Instant.parse("2026-01-10T12:00:00Z");
        ClassifiedArticles english =
                ClassifiedArticles.article("https://news.example/organs")
                        .title("Forced organ harvesting in detention")
                        .text("Detainees were harvested for organs, the tribunal found.")
                        .published(Instant.parse("2025-12-30T08:00:00Z"))
                        .fetchedAt(t0)
                        .topic("organ-harvesting", 0.9, "forced-harvesting");
        ClassifiedArticles chinese =
                ClassifiedArticles.article("https://zh.example/a")
                        .title("强制摘取器官")
                        .text("联合国专家关注中国强制摘取器官的报告")
                        .language("zh")
                        .fetchedAt(t0);
        List<byte[]> values = new ArrayList<>();
        values.add(json(english.build()));
        values.add(json(chinese.build()));
        // a newer fetch with a new title but no published date: replaces, in the same index
        values.add(
                json(
                        ClassifiedArticles.article("https://news.example/organs")
                                .title("Forced organ harvesting: tribunal report")
                                .fetchedAt(t0.plusSeconds(3600))
                                .refetched()
                                .build()));
        // an older fetch arriving late: ignored
        values.add(
                json(
                        ClassifiedArticles.article("https://news.example/organs")
                                .title("Stale title")
                                .fetchedAt(t0.minusSeconds(3600))
                                .refetched()
                                .build()));
        // Elasticsearch refuses an empty field name: a dead letter
        values.add(
                json(ClassifiedArticles.article("https://bad.example/x").topic("", 0.1).build()));
        values.add("{broken".getBytes(StandardCharsets.UTF_8));
        produce(stack, topics.articlesClassified(), values);

        ArticleIndexer indexer = indexer(stack, topics, alias, "basic");
        indexer.start();
        try {
            await(() -> indexer.done() >= 6, Duration.ofSeconds(60));
        } finally {
            indexer.stop();
        }
        assertThat(indexer.indexed()).isEqualTo(3);
        assertThat(indexer.stale()).isEqualTo(1);
        assertThat(indexer.rejected()).isEqualTo(1);

        ElasticsearchClient es = stack.elasticsearch();
        es.indices().refresh(r -> r.index(alias));
        List<Hit<ArticleDocument>> all =
                es.search(s -> s.index(alias).size(10), ArticleDocument.class).hits().hits();
        assertThat(all).hasSize(2);
        Hit<ArticleDocument> organs =
                all.stream().filter(h -> h.id().equals(english.id())).findFirst().orElseThrow();
        assertThat(organs.index()).isEqualTo(alias + "-2025.12");
        // Sorted by the export's order, so that a date-ordered scan reads stored fields in order.
        assertThat(
                        es.indices()
                                .getSettings(g -> g.index(organs.index()))
                                .get(organs.index())
                                .settings()
                                .index()
                                .sort()
                                .field())
                .containsExactly("date", "id");
        assertThat(organs.source().title()).isEqualTo("Forced organ harvesting: tribunal report");
        assertThat(organs.version()).isNull(); // versions are not returned by default
        assertThat(
                        es.search(
                                        s ->
                                                s.index(alias)
                                                        .query(
                                                                q ->
                                                                        q.match(
                                                                                m ->
                                                                                        m.field(
                                                                                                        "languages.zh.text")
                                                                                                .query(
                                                                                                        "摘取器官"))),
                                        ArticleDocument.class)
                                .hits()
                                .hits())
                .extracting(Hit::id)
                .containsExactly(chinese.id());

        List<DeadLetter> dead = deadLetters(stack, topics.deadLetters("indexer"), 2);
        assertThat(dead)
                .extracting(DeadLetter::reason)
                .containsExactlyInAnyOrder("REJECTED_BY_ELASTICSEARCH", "UNREADABLE_RECORD");
    }

    @Test
    void aKilledIndexerRestartedFindsEveryArticleExactlyOnce(VigilStack stack, TestNamespace ns)
            throws Exception {
        String alias = ns.index("crash");
        Topics topics = new Topics(ns.prefix() + "crash-");
        ns.createTopics(3, topics.articlesClassified(), topics.deadLetters("indexer"));
        new IndexTemplates(stack.elasticsearch()).applyArticles(alias);

        int articles = 3000;
        Instant start = Instant.parse("2025-06-01T00:00:00Z");
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            Instant fetched = start.plus(Duration.ofHours(3L * i));
            values.add(
                    json(
                            ClassifiedArticles.article("https://news.example/a" + i)
                                    .title("Article " + i)
                                    .text("Text of article number " + i)
                                    .published(i % 2 == 0 ? fetched.minusSeconds(600) : null)
                                    .fetchedAt(fetched)
                                    .build()));
        }
        for (int i = 0; i < articles; i += 5) {
            // refetched months later, without a published date: must stay in its first index
            values.add(
                    json(
                            ClassifiedArticles.article("https://news.example/a" + i)
                                    .title("Article " + i + " updated")
                                    .text("Text of article number " + i)
                                    .fetchedAt(start.plus(Duration.ofDays(400 + i % 50)))
                                    .refetched()
                                    .build()));
        }
        produce(stack, topics.articlesClassified(), values);

        ArticleIndexer first = indexer(stack, topics, alias, "crash");
        first.start();
        await(() -> first.done() >= 1000, Duration.ofSeconds(60));
        first.crash();
        long doneBeforeCrash = first.done();
        assertThat(doneBeforeCrash).isLessThan(values.size());

        ArticleIndexer second = indexer(stack, topics, alias, "crash");
        second.start();
        try {
            await(
                    () -> count(stack, alias) == articles && updated(stack, alias) == articles / 5,
                    Duration.ofSeconds(90));
        } finally {
            second.stop();
        }
        assertThat(count(stack, alias)).isEqualTo(articles);
        assertThat(updated(stack, alias)).isEqualTo(articles / 5);
        assertThat(second.done()).as("read again after the crash").isPositive();
    }

    @Test
    void waitsOutAnIndexThatRefusesWritesAndThenIndexesEverythingOnce(
            VigilStack stack, TestNamespace ns) throws Exception {
        String alias = ns.index("blocked");
        Topics topics = new Topics(ns.prefix() + "blocked-");
        ns.createTopics(3, topics.articlesClassified(), topics.deadLetters("indexer"));
        ElasticsearchClient es = stack.elasticsearch();
        new IndexTemplates(es).applyArticles(alias);
        String january = alias + "-2026.01";
        es.indices().create(c -> c.index(january).settings(x -> x.blocks(b -> b.write(true))));

        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            values.add(
                    json(
                            ClassifiedArticles.article("https://blocked.example/" + i)
                                    .fetchedAt(Instant.parse("2026-01-05T00:00:00Z").plusSeconds(i))
                                    .build()));
        }
        produce(stack, topics.articlesClassified(), values);
        ArticleIndexer indexer = indexer(stack, topics, alias, "blocked");
        indexer.start();
        try {
            Thread.sleep(3000); // 403 cluster_block_exception: retried with back-off, not dropped
            assertThat(indexer.done()).isZero();
            assertThat(indexer.rejected()).isZero();
            es.indices()
                    .putSettings(
                            p -> p.index(january).settings(x -> x.blocks(b -> b.write(false))));
            await(() -> indexer.done() >= 50, Duration.ofSeconds(60));
        } finally {
            indexer.stop();
        }
        assertThat(count(stack, alias)).isEqualTo(50);
        assertThat(indexer.indexed()).isEqualTo(50);
    }

    private static ArticleIndexer indexer(
            VigilStack stack, Topics topics, String alias, String group) {
        IndexerProperties settings =
                new IndexerProperties(
                        null,
                        alias,
                        group,
                        200,
                        null,
                        Duration.ofMillis(200),
                        2,
                        600,
                        200,
                        null,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(2),
                        null);
        Map<String, Object> kafka =
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return new ArticleIndexer(
                settings, topics, stack.elasticsearch(), kafka, kafka, Clock.systemUTC());
    }

    private static long count(VigilStack stack, String alias) {
        try {
            stack.elasticsearch().indices().refresh(r -> r.index(alias));
            return stack.elasticsearch().count(c -> c.index(alias)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long updated(VigilStack stack, String alias) {
        try {
            return stack.elasticsearch()
                    .count(
                            c ->
                                    c.index(alias)
                                            .query(
                                                    q ->
                                                            q.match(
                                                                    m ->
                                                                            m.field("title")
                                                                                    .query(
                                                                                            "updated"))))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] json(ArticleClassified article) {
        return SERDE.serialize(null, article);
    }

    static void produce(VigilStack stack, String topic, List<byte[]> values) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                String key = key(value);
                producer.send(new ProducerRecord<>(topic, key, value));
            }
            producer.flush();
        }
    }

    /** The article id as the key, so that all versions of an article share a partition. */
    private static String key(byte[] value) {
        try {
            return SERDE.deserialize(null, value).articleId();
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }

    private static List<DeadLetter> deadLetters(VigilStack stack, String topic, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        topic + "-reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), JsonSerde.of(DeadLetter.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
            }
        }
        return letters;
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
