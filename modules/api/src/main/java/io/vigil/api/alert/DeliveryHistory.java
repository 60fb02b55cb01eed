package io.vigil.api.alert;

import io.vigil.core.alert.AlertDelivery;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.TopicView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The delivery log as the API shows it: the last {@code perAlert} entries of each alert, read from
 * the whole log (a {@link TopicView}); and the writer of test-send requests. The log keeps 90 days;
 * an alert's older history is gone with it.
 */
public final class DeliveryHistory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHistory.class);

    private final String topic;
    private final int perAlert;
    private final Map<String, Deque<AlertDelivery>> byAlert = new HashMap<>();
    private final JsonSerde<AlertDelivery> serde = JsonSerde.of(AlertDelivery.class);
    private final KafkaProducer<String, AlertDelivery> producer;
    private final TopicView view;

    public DeliveryHistory(
            List<String> bootstrapServers,
            Map<String, Object> clientProperties,
            String topic,
            int perAlert) {
        this.topic = topic;
        this.perAlert = perAlert;
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.keySet().retainAll(ProducerConfig.configNames());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), serde);
        this.view = new TopicView(bootstrapServers, clientProperties, topic, this::apply).start();
    }

    private synchronized void apply(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            try {
                AlertDelivery d = serde.deserialize(r.topic(), r.value());
                Deque<AlertDelivery> q =
                        byAlert.computeIfAbsent(d.alertId(), k -> new ArrayDeque<>());
                q.addFirst(d);
                while (q.size() > perAlert) {
                    q.removeLast();
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "Skipping unreadable delivery entry at offset {}: {}",
                        r.offset(),
                        e.getMessage());
            }
        }
    }

    /** The alert's entries, newest first. */
    public synchronized List<AlertDelivery> of(String alertId) {
        Deque<AlertDelivery> q = byAlert.get(alertId);
        return q == null ? List.of() : new ArrayList<>(q);
    }

    /** Asks the alerting stage to send {@code request} (a {@code TEST} entry). */
    public void request(AlertDelivery request) {
        try {
            producer.send(new ProducerRecord<>(topic, request.alertId(), request))
                    .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to " + topic, e);
        }
    }

    @Override
    public void close() {
        view.close();
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
