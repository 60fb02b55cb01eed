package io.vigil.core.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of a topic from the start, without a consumer group, on a thread of its
 * own, and hands each committed record to a callback: how an instance materialises a compacted
 * topic that every instance needs whole (alerts) or a log it shows (deliveries). {@link
 * #awaitCaughtUp} returns once the records present at start have been handed over.
 */
public final class TopicView implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicView.class);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<List<ConsumerRecord<String, byte[]>>> sink;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param clientProperties further client settings (security); non-consumer keys are ignored
     * @param sink called on the view's thread with each batch of records, in offset order per
     *     partition; a tombstone has a null value
     */
    public TopicView(
            List<String> bootstrapServers,
            Map<String, Object> clientProperties,
            String topic,
            Consumer<List<ConsumerRecord<String, byte[]>>> sink) {
        this.topic = topic;
        this.sink = sink;
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "view-" + topic);
        this.thread.setDaemon(true);
    }

    /** Starts reading. */
    public TopicView start() {
        thread.start();
        return this;
    }

    /**
     * Waits until the records present when the view started have been handed over.
     *
     * @return false on time-out
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    List<ConsumerRecord<String, byte[]>> batch = new java.util.ArrayList<>();
                    records.forEach(batch::add);
                    sink.accept(batch);
                }
                if (caughtUp.getCount() > 0) {
                    end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                    if (end.isEmpty()) {
                        caughtUp.countDown();
                        LOG.info("Read {} up to its end at start", topic);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Reading {} failed; the view stops", topic, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
