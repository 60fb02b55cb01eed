package io.vigil.alerting.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.alerting.match.AlertMatcher;
import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import io.vigil.core.alert.AlertDelivery.Kind;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.testkit.ClassifiedArticles;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Once per story, through the real topology (no broker): matched once, later copies recorded. */
class AlertTopologyTest {

    static final Instant NOW = Instant.parse("2026-01-12T09:00:00Z");
    final Topics topics = Topics.unprefixed();
    final AlertMatcher matcher = new AlertMatcher();
    TopologyTestDriver driver;
    TestInputTopic<String, ArticleClassified> in;
    TestOutputTopic<String, AlertDelivery> out;
    TestOutputTopic<String, DeadLetter> dlq;

    @BeforeEach
    void start() throws Exception {
        matcher.upsert(
                List.of(
                        new Alert(
                                Alert.SCHEMA,
                                "organs",
                                "o",
                                null,
                                "\"organ harvesting\"",
                                null,
                                null,
                                false,
                                null,
                                NOW,
                                null),
                        new Alert(
                                Alert.SCHEMA,
                                "muted",
                                "o",
                                null,
                                "organ",
                                null,
                                null,
                                true,
                                null,
                                NOW,
                                null)));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerting-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("alerting-test").toString());
        driver =
                new TopologyTestDriver(
                        AlertTopology.build(
                                matcher,
                                topics,
                                Duration.ofDays(30),
                                Duration.ofMinutes(10),
                                Clock.fixed(NOW, ZoneOffset.UTC)),
                        p);
        in =
                driver.createInputTopic(
                        topics.articlesClassified(),
                        Serdes.String().serializer(),
                        JsonSerde.of(ArticleClassified.class));
        out =
                driver.createOutputTopic(
                        topics.alertDeliveries(),
                        Serdes.String().deserializer(),
                        JsonSerde.of(AlertDelivery.class));
        dlq =
                driver.createOutputTopic(
                        topics.deadLetters("alerting"),
                        Serdes.String().deserializer(),
                        JsonSerde.of(DeadLetter.class));
    }

    @AfterEach
    void stop() {
        driver.close();
        matcher.close();
    }

    static ClassifiedArticles copy(String url, String site) {
        return ClassifiedArticles.article(url)
                .site(site)
                .title("Forced organ harvesting continues")
                .text("Forced organ harvesting from prisoners of conscience continues.");
    }

    @Test
    void aStoryIsDeliveredOnceAndLaterCopiesJoinIt() {
        ClassifiedArticles wire = copy("https://wire.example/a", "Wire");
        List<ArticleClassified> articles =
                List.of(
                        wire.build(),
                        ClassifiedArticles.article("https://x.example/rain")
                                .title("Rain")
                                .text("Rain.")
                                .build(),
                        copy("https://daily.example/b", "Daily").story(wire.id()).build(),
                        copy("https://herald.example/c", "Herald").story(wire.id()).build(),
                        wire.refetched().build(),
                        copy("https://other.example/d", "Other").build());
        articles.forEach(a -> in.pipeInput(a.articleId(), a));
        List<AlertDelivery> log = out.readValuesToList();
        assertThat(log)
                .extracting(AlertDelivery::kind)
                .containsExactly(Kind.MATCHED, Kind.ALSO_CARRIED, Kind.ALSO_CARRIED, Kind.MATCHED);
        assertThat(log).allMatch(d -> d.alertId().equals("organs"));
        assertThat(log.get(0).deliveryId()).isEqualTo(AlertDelivery.idOf("organs", wire.id()));
        assertThat(log.get(2).alsoCarriedBy()).containsExactly("Wire", "Daily", "Herald");
        assertThat(log.get(3).storyId()).isNotEqualTo(wire.id());
    }

    @Test
    void unreadableInputIsADeadLetterAndTheRestGoesOn() {
        driver.createInputTopic(
                        topics.articlesClassified(),
                        Serdes.String().serializer(),
                        Serdes.String().serializer())
                .pipeInput("k", "not json");
        ArticleClassified a = copy("https://wire.example/z", "Wire").build();
        in.pipeInput(a.articleId(), a);
        assertThat(dlq.readValuesToList())
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("UNREADABLE_RECORD"));
        assertThat(out.readValuesToList()).hasSize(1);
    }
}
