package io.vigil.indexer.ingest;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.vigil.indexer.document.IndexLocator;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands partitions over cleanly: before giving partitions up, the indexer flushes, waits (a while)
 * for Elasticsearch's answers and commits what is done; on receiving partitions it refreshes the
 * article indices so that the previous owner's documents can be located. A halted indexer commits
 * nothing.
 */
final class Rebalance implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(Rebalance.class);
    private static final Duration HANDOVER_WAIT = Duration.ofSeconds(10);

    private final KafkaConsumer<String, byte[]> consumer;
    private final OffsetTracker tracker;
    private final BulkIngester<ConsumerRecord<String, byte[]>> ingester;
    private final IndexLocator locator;
    private final BooleanSupplier halted;

    Rebalance(
            KafkaConsumer<String, byte[]> consumer,
            OffsetTracker tracker,
            BulkIngester<ConsumerRecord<String, byte[]>> ingester,
            IndexLocator locator,
            BooleanSupplier halted) {
        this.consumer = consumer;
        this.tracker = tracker;
        this.ingester = ingester;
        this.locator = locator;
        this.halted = halted;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!halted.getAsBoolean() && !partitions.isEmpty()) {
            ingester.flush();
            long deadline = System.nanoTime() + HANDOVER_WAIT.toNanos();
            while (tracker.inFlight() > 0 && System.nanoTime() < deadline) {
                sleep();
            }
            var offsets = tracker.committable(partitions);
            if (!offsets.isEmpty()) {
                try {
                    consumer.commitSync(offsets, Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    LOG.info(
                            "Commit on hand-over failed; the new owner reads again: {}",
                            e.toString());
                }
            }
        }
        tracker.forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        tracker.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        LOG.info("Indexing partitions {}", partitions);
        try {
            locator.refresh();
        } catch (IOException | ElasticsearchException e) {
            LOG.warn(
                    "Cannot refresh the article indices; refetches are located later: {}",
                    e.toString());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
