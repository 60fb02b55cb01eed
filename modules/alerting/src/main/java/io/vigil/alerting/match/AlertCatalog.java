package io.vigil.alerting.match;

import io.vigil.core.alert.Alert;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.TopicView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every alert of the compacted alerts topic, kept in the {@link AlertMatcher}: this instance reads
 * all partitions from the start (no consumer group), so every alerting instance holds all alerts. A
 * tombstone removes an alert; a record that is not an alert is logged and skipped.
 */
public final class AlertCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertCatalog.class);

    private final AlertMatcher matcher;
    private final TopicView view;
    private final JsonSerde<Alert> serde = JsonSerde.of(Alert.class);

    public AlertCatalog(
            AlertMatcher matcher,
            List<String> bootstrapServers,
            Map<String, Object> clientProperties,
            String topic) {
        this.matcher = matcher;
        this.view = new TopicView(bootstrapServers, clientProperties, topic, this::apply);
    }

    /**
     * Starts reading and waits until every alert present at start is registered.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}
     */
    public void start(Duration timeout) {
        view.start();
        try {
            if (!view.awaitCaughtUp(timeout)) {
                throw new IllegalStateException("the alerts were not read within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the alerts", e);
        }
        LOG.info("{} alert(s) registered", matcher.size());
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Alert> upserts = new LinkedHashMap<>();
        List<String> removals = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() == null) {
                continue;
            }
            if (r.value() == null) {
                upserts.remove(r.key());
                removals.add(r.key());
                continue;
            }
            try {
                Alert alert = serde.deserialize(r.topic(), r.value());
                upserts.put(r.key(), alert);
                removals.remove(r.key());
            } catch (SerializationException | IllegalArgumentException e) {
                LOG.warn(
                        "Skipping unreadable alert {} at offset {}: {}",
                        r.key(),
                        r.offset(),
                        e.getMessage());
            }
        }
        matcher.remove(removals);
        matcher.upsert(upserts.values());
    }

    @Override
    public void close() {
        view.close();
    }
}
