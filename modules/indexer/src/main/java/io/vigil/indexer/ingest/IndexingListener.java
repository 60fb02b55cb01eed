package io.vigil.indexer.ingest;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Elasticsearch's answer to each bulk request and marks each record done (indexed, stale
 * or dead-lettered) or failed. A retriable failure is recorded once in {@link #failure()} for the
 * consumer thread, which backs off and reads the records again.
 */
final class IndexingListener implements BulkListener<ConsumerRecord<String, byte[]>> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexingListener.class);

    private final OffsetTracker tracker;
    private final DeadLetterPublisher deadLetters;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    IndexingListener(OffsetTracker tracker, DeadLetterPublisher deadLetters) {
        this.tracker = tracker;
        this.deadLetters = deadLetters;
    }

    @Override
    public void beforeBulk(
            long id, BulkRequest request, List<ConsumerRecord<String, byte[]>> contexts) {
        LOG.debug("Bulk request {}: {} documents", id, contexts.size());
    }

    @Override
    public void afterBulk(
            long id,
            BulkRequest request,
            List<ConsumerRecord<String, byte[]>> contexts,
            BulkResponse response) {
        List<BulkResponseItem> items = response.items();
        int retriable = 0;
        String firstRetriable = null;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            ConsumerRecord<String, byte[]> record = contexts.get(i);
            switch (ItemOutcome.of(item)) {
                case INDEXED -> {
                    indexed.incrementAndGet();
                    done(record);
                }
                case STALE -> {
                    LOG.debug("Article {}: a newer fetch is indexed already", item.id());
                    stale.incrementAndGet();
                    done(record);
                }
                case REJECTED -> reject(record, item);
                case RETRIABLE -> {
                    retriable++;
                    if (firstRetriable == null) {
                        firstRetriable = item.status() + " " + item.error().type();
                    }
                    tracker.failed(partition(record), record.offset());
                }
            }
        }
        if (retriable > 0) {
            fail("bulk request " + id + ": " + retriable + " documents failed, " + firstRetriable);
        }
        LOG.debug("Bulk request {} answered in {} ms", id, response.took());
    }

    @Override
    public void afterBulk(
            long id,
            BulkRequest request,
            List<ConsumerRecord<String, byte[]>> contexts,
            Throwable failure) {
        for (ConsumerRecord<String, byte[]> record : contexts) {
            tracker.failed(partition(record), record.offset());
        }
        fail("bulk request " + id + " of " + contexts.size() + " documents failed: " + failure);
    }

    private void reject(ConsumerRecord<String, byte[]> record, BulkResponseItem item) {
        String detail =
                item.status()
                        + " "
                        + item.error().type()
                        + ": "
                        + item.error().reason()
                        + (item.error().causedBy() == null
                                ? ""
                                : " (" + item.error().causedBy().reason() + ")");
        LOG.warn("Elasticsearch rejected article {}: {}", item.id(), detail);
        rejected.incrementAndGet();
        deadLetters.publish(
                record,
                "REJECTED_BY_ELASTICSEARCH",
                detail,
                () -> done(record),
                e -> {
                    tracker.failed(partition(record), record.offset());
                    fail("cannot publish a dead letter: " + e);
                });
    }

    /** Records a retriable failure for the consumer thread (the first one wins until taken). */
    void fail(String reason) {
        failure.compareAndSet(null, reason);
    }

    /** The pending failure, cleared; null when there is none. */
    String takeFailure() {
        return failure.getAndSet(null);
    }

    /** The pending failure, left in place; null when there is none. */
    String failure() {
        return failure.get();
    }

    long indexed() {
        return indexed.get();
    }

    long stale() {
        return stale.get();
    }

    long rejected() {
        return rejected.get();
    }

    private void done(ConsumerRecord<String, byte[]> record) {
        tracker.done(partition(record), record.offset());
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
