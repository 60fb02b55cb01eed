package io.vigil.alerting;

import io.vigil.alerting.match.AlertCatalog;
import io.vigil.alerting.match.AlertMatcher;
import io.vigil.alerting.notify.DeliverySender;
import io.vigil.alerting.stream.AlertTopology;
import io.vigil.core.kafka.TopicAdmin;
import io.vigil.core.kafka.Topics;
import java.time.Clock;
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
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The alerting stage as a Spring lifecycle bean (also usable on its own): reads every alert into
 * the matcher, then runs the matching Kafka Streams application and the sender. Stops in reverse.
 */
public final class AlertingStage implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingStage.class);

    private final AlertingProperties settings;
    private final Topics topics;
    private final List<String> bootstrapServers;
    private final Map<String, Object> clientProperties;
    private final JavaMailSender mail;
    private final Clock clock;
    private volatile AlertMatcher matcher;
    private AlertCatalog catalog;
    private KafkaStreams streams;
    private DeliverySender sender;

    /**
     * @param mail the SMTP client, or null when none is configured (email deliveries then fail)
     * @param clientProperties further client settings (security, from {@code spring.kafka.*})
     */
    public AlertingStage(
            AlertingProperties settings,
            Topics topics,
            List<String> bootstrapServers,
            Map<String, Object> clientProperties,
            JavaMailSender mail,
            Clock clock) {
        this.settings = settings;
        this.topics = topics;
        this.bootstrapServers = List.copyOf(bootstrapServers);
        this.clientProperties = Map.copyOf(clientProperties);
        this.mail = mail;
        this.clock = clock;
    }

    /** The Kafka Streams configuration of the matcher. */
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
                        List.of(
                                topics.articlesClassified(),
                                topics.alerts(),
                                topics.alertDeliveries()));
        if (!created.isEmpty()) {
            LOG.info("Created the topics {}", created);
        }
        matcher = new AlertMatcher();
        catalog = new AlertCatalog(matcher, bootstrapServers, clientProperties, topics.alerts());
        catalog.start(settings.catalogTimeout());
        KafkaStreams s =
                new KafkaStreams(
                        AlertTopology.build(
                                matcher,
                                topics,
                                settings.storyHorizon(),
                                settings.sweepInterval(),
                                clock),
                        streamsConfig());
        s.setUncaughtExceptionHandler(
                e -> {
                    LOG.error("The alert matcher's stream thread failed; stopping the stage", e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
        s.start();
        streams = s;
        sender =
                new DeliverySender(
                        settings,
                        topics.alertDeliveries(),
                        matcher::alert,
                        mail,
                        bootstrapServers,
                        clientProperties,
                        clock);
        sender.start();
        LOG.info(
                "Alerting stage started: {} alert(s), {} -> {}",
                matcher.size(),
                topics.articlesClassified(),
                topics.alertDeliveries());
    }

    @Override
    public synchronized void stop() {
        if (streams == null) {
            return;
        }
        sender.close();
        // Leave the group, so that the next instance takes the partitions over at once rather than
        // after the session time-out.
        streams.close(
                new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(10)).leaveGroup(true));
        catalog.close();
        matcher.close();
        streams = null;
        LOG.info("Alerting stage stopped");
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    /**
     * Whether this instance matches articles against the alert: an alert takes effect once the
     * stage has read it from the alerts topic, usually within a second of being written.
     */
    public boolean registered(String alertId) {
        AlertMatcher m = matcher;
        return m != null && m.alert(alertId) != null;
    }

    /** The matcher's Kafka Streams state, or null when not started. */
    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? null : s.state();
    }
}
