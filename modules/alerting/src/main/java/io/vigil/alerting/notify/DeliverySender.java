package io.vigil.alerting.notify;

import io.vigil.alerting.AlertingProperties;
import io.vigil.core.alert.Alert;
import io.vigil.core.alert.AlertDelivery;
import io.vigil.core.alert.AlertDelivery.Channel;
import io.vigil.core.alert.AlertDelivery.Kind;
import io.vigil.core.kafka.JsonSerde;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the log asks for: reads the delivery log as a consumer group (the log is keyed by
 * alert id, so one instance owns an alert's deliveries), sends each {@code MATCHED} or {@code TEST}
 * entry to the alert's channels, and writes a {@code SENT} or {@code FAILED} entry per channel
 * before committing past the request. Idempotent on (delivery id, channel): what the log records as
 * done (read back by {@link DoneScan} on taking partitions over) is never sent again. Digest
 * stories wait in {@link Digests} and hold the committed offset back until their digest is sent.
 */
public final class DeliverySender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySender.class);

    private final String topic;
    private final Function<String, Alert> alerts;
    private final EmailNotifier email;
    private final WebhookNotifier webhook;
    private final Retries retries;
    private final Clock clock;
    private final Map<String, Object> consumerConfig;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, AlertDelivery> producer;
    private final JsonSerde<AlertDelivery> serde = JsonSerde.of(AlertDelivery.class);
    private final Set<String> done = new HashSet<>();
    private final Digests digests = new Digests();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param alerts the alert of an id, or null when there is none (deleted)
     * @param mail the SMTP client, or null when none is configured
     * @param clientProperties further client settings (security)
     */
    public DeliverySender(
            AlertingProperties settings,
            String topic,
            Function<String, Alert> alerts,
            org.springframework.mail.javamail.JavaMailSender mail,
            List<String> bootstrapServers,
            Map<String, Object> clientProperties,
            Clock clock) {
        this.topic = topic;
        this.alerts = alerts;
        this.email = new EmailNotifier(mail, settings.mailFrom(), settings.baseUrl());
        this.webhook = new WebhookNotifier(settings.webhookTimeout(), settings.baseUrl());
        this.retries = new Retries(settings.attempts(), settings.backoff());
        this.clock = clock;
        Map<String, Object> c = new HashMap<>(clientProperties);
        c.keySet().retainAll(ConsumerConfig.configNames());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.senderGroup());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumerConfig = Map.copyOf(c);
        this.consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.keySet().retainAll(ProducerConfig.configNames());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), serde);
        this.thread = new Thread(this::run, "alert-sender");
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    handle(r);
                }
                sendDueDigests();
                commit();
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The alert sender failed; deliveries stop until restart", e);
        } finally {
            producer.close(Duration.ofSeconds(5));
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) throws InterruptedException {
        if (r.value() == null) {
            return;
        }
        AlertDelivery d;
        try {
            d = serde.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Skipping unreadable delivery entry at {}-{}@{}: {}",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.getMessage());
            return;
        }
        switch (d.kind()) {
            case SENT, FAILED -> done.add(d.channelKey());
            case ALSO_CARRIED -> digests.alsoCarried(d);
            case MATCHED, TEST ->
                    deliver(new TopicPartition(r.topic(), r.partition()), r.offset(), d);
        }
    }

    private void deliver(TopicPartition partition, long offset, AlertDelivery d)
            throws InterruptedException {
        Alert alert = alerts.apply(d.alertId());
        if (alert == null) {
            LOG.debug("Alert {} is gone; not delivering {}", d.alertId(), d.deliveryId());
            return;
        }
        Alert.Email mail = alert.delivery().email();
        if (mail != null) {
            if (mail.schedule() == Alert.Schedule.INSTANT || d.kind() == Kind.TEST) {
                send(d, Channel.EMAIL, () -> email.send(alert, mail, d));
            } else if (!done.contains(d.deliveryId() + "#" + Channel.EMAIL_DIGEST)) {
                digests.add(partition, offset, d);
            }
        }
        Alert.Webhook hook = alert.delivery().webhook();
        if (hook != null) {
            send(d, Channel.WEBHOOK, () -> webhook.send(alert, hook, d));
        }
    }

    private void send(AlertDelivery d, Channel channel, Retries.Send send)
            throws InterruptedException {
        String key = d.deliveryId() + "#" + channel;
        if (done.contains(key)) {
            LOG.debug("{} already done", key);
            return;
        }
        Attempt result = retries.run(send);
        record(d, channel, result);
    }

    private void sendDueDigests() throws InterruptedException {
        Map<String, List<AlertDelivery>> due = digests.due(alerts, clock.instant());
        for (Map.Entry<String, List<AlertDelivery>> e : due.entrySet()) {
            Alert alert = alerts.apply(e.getKey());
            List<AlertDelivery> items =
                    e.getValue().stream()
                            .filter(
                                    d ->
                                            !done.contains(
                                                    d.deliveryId() + "#" + Channel.EMAIL_DIGEST))
                            .toList();
            if (!items.isEmpty()) {
                Attempt result =
                        retries.run(
                                () ->
                                        email.sendDigest(
                                                alert,
                                                alert.delivery().email(),
                                                items,
                                                digests.outlets()));
                for (AlertDelivery d : items) {
                    record(d, Channel.EMAIL_DIGEST, result);
                }
            }
            digests.done(e.getKey());
        }
    }

    private void record(AlertDelivery d, Channel channel, Attempt result) {
        boolean sent = result.result() == Attempt.Result.DELIVERED;
        if (sent) {
            LOG.debug("Delivered {} by {}: {}", d.deliveryId(), channel, result.detail());
        } else {
            LOG.warn("Could not deliver {} by {}: {}", d.deliveryId(), channel, result.detail());
        }
        AlertDelivery entry =
                new AlertDelivery(
                        AlertDelivery.SCHEMA,
                        d.deliveryId(),
                        d.alertId(),
                        d.storyId(),
                        sent ? Kind.SENT : Kind.FAILED,
                        channel,
                        d.article(),
                        d.alsoCarriedBy(),
                        result.detail(),
                        clock.instant());
        try {
            producer.send(new ProducerRecord<>(topic, d.alertId(), entry)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot record the delivery " + entry.channelKey(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted recording " + entry.channelKey(), e);
        }
        done.add(entry.channelKey());
    }

    /** Commits each partition up to its first story still waiting for a digest. */
    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition p : consumer.assignment()) {
            long position = consumer.position(p);
            long upTo = Math.min(position, digests.lowestOffset(p).orElse(position));
            offsets.put(p, new OffsetAndMetadata(upTo));
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit();
            digests.drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    consumer.committed(new HashSet<>(partitions));
            done.addAll(DoneScan.scan(consumerConfig, partitions, committed));
            LOG.info(
                    "Alert sender took over {} ({} deliveries already done)",
                    partitions,
                    done.size());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
