package io.vigil.api.source;

import io.vigil.core.feed.Feed;
import io.vigil.core.feed.FeedState;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code vigil.feeds} and {@code vigil.feed-state} from the start, and then follows them,
 * into a {@link FeedCatalog}. No consumer group: every API instance reads every partition. Topics
 * that do not exist yet are looked for again every few seconds.
 */
public final class FeedCatalogReader implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedCatalogReader.class);

    private final FeedCatalog catalog;
    private final Topics topics;
    private final Map<String, Object> config;
    private final JsonSerde<Feed> feeds = JsonSerde.of(Feed.class);
    private final JsonSerde<FeedState> states = JsonSerde.of(FeedState.class);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    public FeedCatalogReader(FeedCatalog catalog, Topics topics, Map<String, Object> consumer) {
        this.catalog = catalog;
        this.topics = topics;
        this.config = new HashMap<>(consumer);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "vigil-api-feed-catalog");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config)) {
            consumer = c;
            Set<TopicPartition> assigned = new HashSet<>();
            long nextLookup = 0;
            while (running) {
                if (System.currentTimeMillis() >= nextLookup) {
                    assign(c, assigned);
                    nextLookup = System.currentTimeMillis() + 5_000;
                }
                if (assigned.isEmpty()) {
                    sleep();
                    continue;
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofSeconds(1))) {
                    apply(r);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("feed catalog reader woken up to stop");
        } catch (RuntimeException e) {
            LOG.warn("The feed catalog stopped following Kafka: {}", e.toString());
        }
    }

    private void assign(KafkaConsumer<String, byte[]> c, Set<TopicPartition> assigned) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : List.of(topics.feeds(), topics.feedState())) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null) {
                infos.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        List<TopicPartition> fresh = all.stream().filter(p -> !assigned.contains(p)).toList();
        if (!fresh.isEmpty()) {
            assigned.addAll(fresh);
            c.assign(assigned);
            c.seekToBeginning(fresh);
            LOG.debug("feed catalog now reads {}", assigned);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        try {
            if (r.topic().equals(topics.feeds())) {
                catalog.put(
                        r.key(),
                        r.value() == null ? null : feeds.deserialize(r.topic(), r.value()));
            } else {
                catalog.put(
                        r.key(),
                        r.value() == null ? null : states.deserialize(r.topic(), r.value()));
            }
        } catch (RuntimeException e) {
            LOG.debug("unreadable record {} in {}: {}", r.key(), r.topic(), e.toString());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
