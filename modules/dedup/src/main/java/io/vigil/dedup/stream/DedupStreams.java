package io.vigil.dedup.stream;

import io.vigil.core.kafka.TopicAdmin;
import io.vigil.core.kafka.Topics;
import io.vigil.dedup.DedupProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The dedup Kafka Streams application as a Spring lifecycle bean: started with the context, closed
 * (committing its state) before the connections and servers go. Also usable on its own.
 */
public final class DedupStreams implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DedupStreams.class);

    private final DedupProperties settings;
    private final Topics topics;
    private final List<String> bootstrapServers;
    private final Map<String, Object> clientProperties;
    private volatile KafkaStreams streams;

    /**
     * @param clientProperties further client settings (security, from {@code spring.kafka.*}),
     *     overridden by the stage's own
     */
    public DedupStreams(
            DedupProperties settings,
            Topics topics,
            List<String> bootstrapServers,
            Map<String, Object> clientProperties) {
        this.settings = settings;
        this.topics = topics;
        this.bootstrapServers = List.copyOf(bootstrapServers);
        this.clientProperties = Map.copyOf(clientProperties);
    }

    /** The Kafka Streams configuration this stage runs with. */
    public Properties streamsConfig() {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        p.put(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                settings.exactlyOnce()
                        ? StreamsConfig.EXACTLY_ONCE_V2
                        : StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return p;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        ensureInputTopic();
        KafkaStreams s = new KafkaStreams(DedupTopology.build(settings, topics), streamsConfig());
        s.setUncaughtExceptionHandler(
                e -> {
                    LOG.error("The dedup stream thread failed; stopping the dedup stage", e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
        s.start();
        streams = s;
        LOG.info(
                "Dedup stage started: application {}, state in {}, {} -> {}",
                settings.applicationId(),
                settings.stateDir().toAbsolutePath(),
                topics.articlesFetched(),
                topics.articlesAccepted());
    }

    private void ensureInputTopic() {
        if (!TopicAdmin.ensureExist(
                        bootstrapServers, clientProperties, List.of(topics.articlesFetched()))
                .isEmpty()) {
            LOG.info("Created the input topic {}", topics.articlesFetched());
        }
    }

    @Override
    public synchronized void stop() {
        KafkaStreams s = streams;
        streams = null;
        if (s != null) {
            s.close(Duration.ofSeconds(10));
            LOG.info("Dedup stage stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    /** The Kafka Streams state, or null when not started. */
    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? null : s.state();
    }
}
