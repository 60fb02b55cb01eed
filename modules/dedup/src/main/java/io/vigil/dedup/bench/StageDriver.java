package io.vigil.dedup.bench;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.stream.DedupTopology;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The stage's real topology (reader, single-partition repartition, deduplicating processor, the
 * RocksDB stores, the JSON serdes) driven in-process without a broker.
 */
final class StageDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ArticleFetched> input;
    private final TestOutputTopic<String, ArticleAccepted> output;

    StageDriver(DedupProperties settings, Path stateDir, boolean changelog) {
        Topics topics = Topics.unprefixed();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        driver =
                new TopologyTestDriver(
                        DedupTopology.build(settings, topics, changelog),
                        p,
                        Instant.parse("2026-11-01T00:00:00Z"));
        input =
                driver.createInputTopic(
                        topics.articlesFetched(),
                        new StringSerializer(),
                        JsonSerde.of(ArticleFetched.class));
        output =
                driver.createOutputTopic(
                        topics.articlesAccepted(),
                        new StringDeserializer(),
                        JsonSerde.of(ArticleAccepted.class));
    }

    TopologyTestDriver driver() {
        return driver;
    }

    void send(ArticleFetched article) {
        input.pipeInput(article.articleId(), article, article.fetch().fetchedAt());
    }

    List<ArticleAccepted> received() {
        return output.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
