package io.vigil.api.alert;

import io.vigil.core.alert.Alert;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.TopicView;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts as the API sees them: the compacted alerts topic read whole (a {@link TopicView}),
 * written through a producer. A write is acknowledged by the broker before it is answered, and is
 * visible here at once. The alerting stage reads the same topic.
 */
public final class AlertStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);

    private final String topic;
    private final Map<String, Alert> alerts = new ConcurrentHashMap<>();
    private final JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
    private final KafkaProducer<String, Alert> producer;
    private final TopicView view;

    public AlertStore(
            List<String> bootstrapServers, Map<String, Object> clientProperties, String topic) {
        this.topic = topic;
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.keySet().retainAll(ProducerConfig.configNames());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), serde);
        this.view = new TopicView(bootstrapServers, clientProperties, topic, this::apply).start();
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() == null) {
                continue;
            }
            if (r.value() == null) {
                alerts.remove(r.key());
                continue;
            }
            try {
                alerts.put(r.key(), serde.deserialize(r.topic(), r.value()));
            } catch (RuntimeException e) {
                LOG.warn("Skipping unreadable alert {}: {}", r.key(), e.getMessage());
            }
        }
    }

    /** The alert, or null. */
    public Alert get(String id) {
        return alerts.get(id);
    }

    /** All alerts, or an owner's, newest first. */
    public List<Alert> list(String owner) {
        return alerts.values().stream()
                .filter(a -> owner == null || owner.equals(a.owner()))
                .sorted(Comparator.comparing(Alert::createdAt).reversed().thenComparing(Alert::id))
                .toList();
    }

    /** Writes the alert and waits for the broker. */
    public void save(Alert alert) {
        send(alert.id(), alert);
        alerts.put(alert.id(), alert);
    }

    /** Deletes the alert (a tombstone) and waits for the broker. */
    public void delete(String id) {
        send(id, null);
        alerts.remove(id);
    }

    private void send(String id, Alert alert) {
        try {
            producer.send(new ProducerRecord<>(topic, id, alert)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write alert " + id + " to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing alert " + id, e);
        }
    }

    /** Waits until the alerts present at start are read (tests). */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return view.awaitCaughtUp(timeout);
    }

    @Override
    public void close() {
        view.close();
        producer.close(Duration.ofSeconds(5));
    }
}
