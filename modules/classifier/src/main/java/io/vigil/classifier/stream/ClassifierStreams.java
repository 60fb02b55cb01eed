package io.vigil.classifier.stream;

import io.vigil.classifier.Classifier;
import io.vigil.classifier.ClassifierProperties;
import io.vigil.core.kafka.TopicAdmin;
import io.vigil.core.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The classifier Kafka Streams application as a Spring lifecycle bean: started with the context,
 * closed before the connections and servers go. Also usable on its own.
 */
public final class ClassifierStreams implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierStreams.class);

    private final ClassifierProperties settings;
    private final Classifier classifier;
    private final Topics topics;
    private final List<String> bootstrapServers;
    private final Map<String, Object> clientProperties;
    private volatile KafkaStreams streams;

    /**
     * @param clientProperties further client settings (security, from {@code spring.kafka.*}),
     *     overridden by the stage's own
     */
    public ClassifierStreams(
            ClassifierProperties settings,
            Classifier classifier,
            Topics topics,
            List<String> bootstrapServers,
            Map<String, Object> clientProperties) {
        this.settings = settings;
        this.classifier = classifier;
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
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        // A feed record that is not JSON must not stop the stage: the feeds table skips it.
        p.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return p;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        List<String> created =
                TopicAdmin.ensureExist(
                        bootstrapServers,
                        clientProperties,
                        List.of(topics.articlesAccepted(), topics.feeds()));
        if (!created.isEmpty()) {
            LOG.info("Created the input topics {}", created);
        }
        KafkaStreams s =
                new KafkaStreams(ClassifierTopology.build(classifier, topics), streamsConfig());
        s.setUncaughtExceptionHandler(
                e -> {
                    LOG.error("The classifier stream thread failed; stopping the stage", e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
        s.start();
        streams = s;
        LOG.info(
                "Classifier stage started: application {}, {} topic(s), {} -> {}",
                settings.applicationId(),
                classifier.topics().size(),
                topics.articlesAccepted(),
                topics.articlesClassified());
    }

    @Override
    public synchronized void stop() {
        KafkaStreams s = streams;
        streams = null;
        if (s != null) {
            s.close(Duration.ofSeconds(10));
            LOG.info("Classifier stage stopped");
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
