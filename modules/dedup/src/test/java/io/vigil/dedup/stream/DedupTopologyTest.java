package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleAccepted.Outcome;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.core.url.ArticleIds;
import io.vigil.dedup.DedupProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology on RocksDB stores, without a broker. */
class DedupTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final String TEXT =
            "The commission published its findings on Tuesday after a year of hearings in three"
                    + " provinces, documenting detentions without charge and the closure of two"
                    + " independent newspapers.\n\n"
                    + "Officials declined to comment on the report, which calls for the release"
                    + " of eleven journalists and an independent inquiry into the deaths in custody"
                    + " recorded since the spring.";

    @TempDir Path dir;

    private final Topics topics = new Topics("t.");
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> in;
    private TestOutputTopic<String, ArticleAccepted> out;
    private TestOutputTopic<String, DeadLetter> dead;

    @BeforeEach
    void start() {
        DedupProperties settings = DedupProperties.defaults().withApplication("test", dir);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        driver = new TopologyTestDriver(DedupTopology.build(settings, topics), p, T0);
        in =
                driver.createInputTopic(
                        topics.articlesFetched(),
                        new StringSerializer(),
                        new ByteArraySerializer());
        out =
                driver.createOutputTopic(
                        topics.articlesAccepted(),
                        new StringDeserializer(),
                        JsonSerde.of(ArticleAccepted.class));
        dead =
                driver.createOutputTopic(
                        topics.deadLetters("dedup"),
                        new StringDeserializer(),
                        JsonSerde.of(DeadLetter.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String url, String site, Instant at) {
        URI u = URI.create(url);
        ArticleFetched a =
                new ArticleFetched(
                        ArticleFetched.SCHEMA,
                        "crawler-id",
                        null,
                        u,
                        u,
                        u,
                        "t",
                        TEXT,
                        List.of(),
                        null,
                        null,
                        "en",
                        null,
                        null,
                        site,
                        null,
                        List.of(),
                        null,
                        null,
                        new ArticleFetched.Fetch(200, "text/html", 1, at, null));
        in.pipeInput("crawler-id", JsonSerde.of(ArticleFetched.class).serialize("x", a), at);
    }

    @Test
    void publishesEachArticleKeyedByItsCanonicalIdWithItsStory() {
        send("https://www.one.example/a?utm_source=x", "One", T0);
        send("https://two.example/b", "Two", T0.plusSeconds(5));
        var records = out.readKeyValuesToList();
        assertThat(records).hasSize(2);
        String first = ArticleIds.of(URI.create("https://one.example/a"));
        assertThat(records.get(0).key).isEqualTo(first);
        assertThat(records.get(0).value.articleId()).isEqualTo(first);
        assertThat(records.get(1).value.storyId()).isEqualTo(first);
        assertThat(records.get(1).value.storyOutlets()).containsExactly("One", "Two");
    }

    @Test
    void aRefetchDoesNotCreateASecondArticle() {
        send("https://one.example/a", "One", T0);
        send("https://m.one.example/a/?utm_campaign=feed&gclid=7", "One", T0.plusSeconds(60));
        var values = out.readValuesToList();
        assertThat(values).hasSize(2);
        assertThat(values.get(1).outcome()).isEqualTo(Outcome.REFETCHED);
        assertThat(values.get(1).articleId()).isEqualTo(values.get(0).articleId());
        assertThat(values.get(1).storyMembers()).isEqualTo(1);
    }

    @Test
    void unreadableRecordsBecomeDeadLetters() {
        in.pipeInput("k1", "{not json".getBytes(StandardCharsets.UTF_8), T0);
        in.pipeInput("k2", "{\"schema\":1}".getBytes(StandardCharsets.UTF_8), T0);
        in.pipeInput("k3", (byte[]) null, T0);
        var letters = dead.readKeyValuesToList();
        assertThat(letters).extracting(kv -> kv.key).containsExactly("k1", "k2", "k3");
        assertThat(letters.get(0).value.reason()).isEqualTo("UNREADABLE_RECORD");
        assertThat(letters.get(0).value.input()).isEqualTo("{not json");
        assertThat(letters.get(0).value.sourceTopic()).isEqualTo(topics.articlesFetched());
        assertThat(letters.get(2).value.reason()).isEqualTo("EMPTY_RECORD");
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void sweepsEntriesPastTheHorizon() {
        send("https://one.example/a", "One", T0);
        KeyValueStore<String, byte[]> articles = driver.getKeyValueStore(DedupTopology.ARTICLES);
        KeyValueStore<Long, byte[]> buckets = driver.getKeyValueStore(DedupTopology.BUCKETS);
        assertThat(articles.approximateNumEntries()).isEqualTo(1);
        long bucketEntries = count(buckets);
        assertThat(bucketEntries).isGreaterThanOrEqualTo(20);

        // a record 31 days later moves stream time; the next wall-clock sweep expires the first
        send("https://two.example/other", "Two", T0.plus(Duration.ofDays(31)));
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        String second = ArticleIds.of(URI.create("https://two.example/other"));
        assertThat(articles.get(ArticleIds.of(URI.create("https://one.example/a")))).isNull();
        assertThat(articles.get(second)).isNotNull();
        assertThat(count(buckets)).isLessThanOrEqualTo(bucketEntries);
        assertThat(count(driver.getKeyValueStore(DedupTopology.STORIES))).isEqualTo(1);
    }

    private static long count(KeyValueStore<?, ?> store) {
        long n = 0;
        try (var it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }
}
