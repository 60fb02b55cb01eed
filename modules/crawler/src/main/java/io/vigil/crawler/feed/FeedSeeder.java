package io.vigil.crawler.feed;

import io.vigil.core.feed.Feed;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.crawler.source.FeedSeeds;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the seed list to the feeds topic (keyed by feed id, so a re-run replaces rather than
 * adds). Bad entries are logged with their line and skipped.
 */
public final class FeedSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSeeder.class);
    private static final JsonSerde<Feed> FEED = JsonSerde.of(Feed.class);

    private FeedSeeder() {}

    /** Returns the number of feeds published. */
    public static int publish(Path seeds, Topics topics, Map<String, Object> producerConfig) {
        FeedSeeds.Load load = FeedSeeds.load(seeds);
        for (FeedSeeds.Problem problem : load.problems()) {
            LOG.warn("Skipping a bad entry in {}, {}", seeds, problem);
        }
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            Future<RecordMetadata> last = null;
            for (Feed feed : load.feeds()) {
                last =
                        producer.send(
                                new ProducerRecord<>(
                                        topics.feeds(),
                                        feed.id(),
                                        FEED.serialize(topics.feeds(), feed)));
            }
            producer.flush();
            if (last != null) {
                last.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot publish the seed feeds to " + topics.feeds(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing seed feeds", e);
        }
        LOG.info(
                "Published {} feeds from {} ({} bad entries skipped)",
                load.feeds().size(),
                seeds,
                load.problems().size());
        return load.feeds().size();
    }
}
