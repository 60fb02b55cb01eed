package io.vigil.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.core.event.FeedEntryDiscovered;
import io.vigil.core.feed.FeedHealth;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.crawler.CrawlerProperties;
import io.vigil.crawler.demo.DemoSite;
import io.vigil.crawler.http.HttpFetcher;
import io.vigil.crawler.schedule.PollSchedule;
import io.vigil.crawler.schedule.ScheduleSettings;
import io.vigil.testkit.SourceTree;
import io.vigil.testkit.TestNamespace;
import io.vigil.testkit.VigilStack;
import io.vigil.testkit.VigilStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo corpus through the real broker: every entry reaches the topic exactly once, also when
 * the crawler is stopped in the middle of a poll cycle and another instance takes over.
 */
@ExtendWith(VigilStackExtension.class)
class FeedCrawlerIT {

    private static final int DEMO_ENTRIES = 12;

    @Test
    void everyDemoEntryExactlyOnceAcrossARestartMidCycle(
            VigilStack stack, TestNamespace ns, @TempDir Path tmp) throws Exception {
        Topics topics = ns.topics();
        ns.createTopics(3, topics.feeds(), topics.feedState());
        ns.createTopics(3, topics.entriesDiscovered());
        Path demo = SourceTree.find(Path.of("seeds", "demo"));
        try (DemoSite site = DemoSite.start(demo.resolve("site"), 0, Duration.ofMillis(400))) {
            Path seeds = tmp.resolve("feeds.yml");
            Files.writeString(
                    seeds,
                    Files.readString(demo.resolve("feeds.yml"), StandardCharsets.UTF_8)
                            .replace("http://127.0.0.1:8089", site.baseUri().toString()),
                    StandardCharsets.UTF_8);

            FeedCrawler first = crawler(stack, topics, seeds);
            first.start();
            List<FeedEntryDiscovered> early =
                    awaitEntries(stack, topics, 1, Duration.ofSeconds(60));
            first.stop(); // mid-cycle: the slow site keeps later feeds waiting
            assertThat(early.size()).as("stopped before the cycle ended").isLessThan(DEMO_ENTRIES);

            FeedCrawler second = crawler(stack, topics, seeds);
            second.start();
            try {
                List<FeedEntryDiscovered> all =
                        awaitEntries(stack, topics, DEMO_ENTRIES, Duration.ofSeconds(90));
                Thread.sleep(3000); // anything extra would show up now
                all = awaitEntries(stack, topics, DEMO_ENTRIES, Duration.ofSeconds(5));
                assertThat(all).hasSize(DEMO_ENTRIES);
                assertThat(all.stream().map(e -> e.url().toString()).distinct())
                        .hasSize(DEMO_ENTRIES);
                assertThat(all)
                        .allSatisfy(e -> assertThat(e.url().getQuery()).isNull()); // utm_* gone
                assertThat(all).anyMatch(e -> "zh-Hans".equals(e.language()));
                assertThat(second.states()).hasSize(5);
                assertThat(second.states())
                        .allSatisfy(
                                s ->
                                        assertThat(s.health())
                                                .isIn(FeedHealth.OK, FeedHealth.NOT_MODIFIED));
            } finally {
                second.stop();
            }
        }
    }

    private static FeedCrawler crawler(VigilStack stack, Topics topics, Path seeds) {
        CrawlerProperties.Http http =
                CrawlerProperties.Http.defaults().withAllowedAddresses(List.of("127.0.0.1"));
        ScheduleSettings schedule = ScheduleSettings.defaults();
        FeedPoller poller =
                new FeedPoller(
                        new HttpFetcher(http),
                        new PollSchedule(schedule, new Random(1)),
                        schedule.seenCapacity(),
                        Clock.systemUTC());
        Map<String, Object> kafka = new HashMap<>();
        kafka.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return new FeedCrawler(
                topics,
                kafka,
                kafka,
                poller,
                new FeedSettings(seeds, 1, 3, "it", Duration.ofMillis(100)),
                new FeedCrawler.ScheduleDefaults(schedule.defaultInterval()),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    private static List<FeedEntryDiscovered> awaitEntries(
            VigilStack stack, Topics topics, int atLeast, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
        List<FeedEntryDiscovered> entries = new ArrayList<>();
        try (KafkaConsumer<String, FeedEntryDiscovered> consumer =
                new KafkaConsumer<>(
                        config,
                        new StringDeserializer(),
                        JsonSerde.of(FeedEntryDiscovered.class))) {
            consumer.subscribe(List.of(topics.entriesDiscovered()));
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = 0;
            while (System.nanoTime() < deadline) {
                int before = entries.size();
                consumer.poll(Duration.ofMillis(300)).forEach(r -> entries.add(r.value()));
                if (entries.size() >= atLeast) {
                    if (entries.size() != before || quietUntil == 0) {
                        quietUntil = System.nanoTime() + Duration.ofMillis(800).toNanos();
                    } else if (System.nanoTime() > quietUntil) {
                        break;
                    }
                }
            }
        }
        return entries;
    }
}
