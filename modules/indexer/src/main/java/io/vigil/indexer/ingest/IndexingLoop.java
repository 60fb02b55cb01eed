package io.vigil.indexer.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.transport.BackoffPolicy;
import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.core.search.ArticleDocument;
import io.vigil.indexer.IndexerProperties;
import io.vigil.indexer.document.ArticleDocuments;
import io.vigil.indexer.document.IndexLocator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * The indexer's consumer thread with its clients: polls, hands documents to the {@link
 * BulkIngester}, pauses while too much waits for Elasticsearch, recovers from retriable failures
 * and commits what is done. One instance per start of {@link ArticleIndexer}.
 */
final class IndexingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(IndexingLoop.class);
    private static final JsonSerde<ArticleClassified> CLASSIFIED =
            JsonSerde.of(ArticleClassified.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);

    private final IndexerProperties settings;
    private final Topics topics;
    private final ElasticsearchClient client;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final BooleanSupplier running;
    private final BooleanSupplier crashed;

    final OffsetTracker tracker = new OffsetTracker();
    private final DeadLetterPublisher deadLetters;
    final IndexingListener listener;
    final KafkaConsumer<String, byte[]> consumer;
    private final IndexLocator locator;
    private final BulkIngester<ConsumerRecord<String, byte[]>> ingester;
    private final Recovery recovery;
    private boolean paused;

    /**
     * @param running false once the loop is to stop
     * @param crashed true when it is to stop as if killed (no flush, no commit)
     */
    IndexingLoop(
            IndexerProperties settings,
            Topics topics,
            ElasticsearchClient client,
            Map<String, Object> consumerConfig,
            Map<String, Object> producerConfig,
            Clock clock,
            BooleanSupplier running,
            BooleanSupplier crashed) {
        this.settings = settings;
        this.topics = topics;
        this.client = client;
        this.consumerConfig = consumerConfig;
        this.producerConfig = producerConfig;
        this.running = running;
        this.crashed = crashed;
        this.deadLetters =
                new DeadLetterPublisher(
                        topics.deadLetters(DeadLetterPublisher.STAGE), producerConfig, clock);
        this.listener = new IndexingListener(tracker, deadLetters);
        this.consumer = consumer();
        this.locator = new IndexLocator(client, settings.alias(), settings.locatorCapacity());
        this.ingester = ingester(listener);
        this.recovery = new Recovery(settings.retryInitialBackoff(), settings.retryMaxBackoff());
    }

    /** A record read: its document, or why it has none. */
    private record Parsed(
            ConsumerRecord<String, byte[]> record,
            ArticleDocument document,
            RuntimeException error) {
        static Parsed of(ConsumerRecord<String, byte[]> record) {
            if (record.value() == null) {
                return new Parsed(record, null, null);
            }
            try {
                return new Parsed(
                        record,
                        ArticleDocuments.of(CLASSIFIED.deserialize(record.topic(), record.value())),
                        null);
            } catch (RuntimeException e) {
                return new Parsed(record, null, e);
            }
        }
    }

    void run() {
        try {
            consumer.subscribe(
                    List.of(topics.articlesClassified()),
                    new Rebalance(consumer, tracker, ingester, locator, crashed));
            long nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
            while (running.getAsBoolean()) {
                String failure = listener.takeFailure();
                if (failure != null) {
                    recover(failure);
                    continue;
                }
                throttle();
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    take(records);
                }
                if (System.nanoTime() >= nextCommit) {
                    recovery.succeededIf(tracker.doneCount());
                    commitAsync();
                    nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer up
        } catch (RuntimeException e) {
            LOG.error("The indexer stopped on an unexpected error", e);
        } finally {
            close();
        }
    }

    private void take(ConsumerRecords<String, byte[]> records) {
        List<Parsed> parsed = new ArrayList<>();
        Set<String> refetched = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Parsed p = Parsed.of(record);
            parsed.add(p);
            if (p.document() != null
                    && ArticleAccepted.Outcome.REFETCHED.name().equals(p.document().outcome())) {
                refetched.add(p.document().id());
            }
        }
        for (TopicPartition tp : records.partitions()) {
            tracker.begin(tp, records.records(tp).get(0).offset());
        }
        try {
            locator.lookUp(refetched);
        } catch (IOException | ElasticsearchException e) {
            listener.fail("cannot look up refetched articles: " + e);
            return; // nothing of this poll was taken: recovery seeks back to it
        }
        for (Parsed p : parsed) {
            ConsumerRecord<String, byte[]> record = p.record();
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (p.record().value() == null) {
                continue; // no tombstones on this topic; nothing to do
            }
            tracker.taken(tp, record.offset());
            if (p.document() == null) {
                deadLetter(tp, record, p.error());
                continue;
            }
            ArticleDocument document = p.document();
            String index = locator.indexFor(document);
            ingester.add(
                    BulkOperation.of(
                            b ->
                                    b.index(
                                            op ->
                                                    op.index(index)
                                                            .id(document.id())
                                                            .version(
                                                                    document.fetchedAt()
                                                                            .toEpochMilli())
                                                            .versionType(VersionType.ExternalGte)
                                                            .document(document))),
                    record);
        }
    }

    private void deadLetter(
            TopicPartition tp, ConsumerRecord<String, byte[]> record, RuntimeException e) {
        LOG.warn(
                "Unreadable record {}-{}@{}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                e.getMessage());
        deadLetters.publish(
                record,
                "UNREADABLE_RECORD",
                String.valueOf(e.getMessage()),
                () -> tracker.done(tp, record.offset()),
                failure -> {
                    tracker.failed(tp, record.offset());
                    listener.fail("cannot publish a dead letter: " + failure);
                });
    }

    /** Pauses while too many records wait for Elasticsearch; resumes at half. */
    private void throttle() {
        int inFlight = tracker.inFlight();
        if (!paused && inFlight >= settings.maxPending()) {
            paused = true;
            LOG.debug("Pausing: {} records wait for Elasticsearch", inFlight);
        } else if (paused && inFlight <= settings.maxPending() / 2) {
            paused = false;
            consumer.resume(consumer.assignment());
        }
        if (paused) {
            consumer.pause(consumer.assignment());
        }
    }

    /**
     * After a retriable failure: pause, let the requests in flight finish, commit what is done,
     * seek back to the first record not done, wait, resume.
     */
    private void recover(String failure) {
        consumer.pause(consumer.assignment());
        ingester.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (running.getAsBoolean() && tracker.inFlight() > 0 && System.nanoTime() < deadline) {
            idle();
        }
        listener.takeFailure(); // failures of the requests just finished: same recovery
        commitSync();
        Duration wait = recovery.next(tracker.doneCount());
        for (TopicPartition tp : consumer.assignment()) {
            long safe = tracker.reset(tp);
            if (safe >= 0) {
                consumer.seek(tp, safe);
            }
        }
        LOG.warn("Elasticsearch failed ({}); reading again in {} ms", failure, wait.toMillis());
        long until = System.nanoTime() + wait.toNanos();
        while (running.getAsBoolean() && System.nanoTime() < until) {
            idle();
        }
        paused = false;
        consumer.resume(consumer.assignment());
    }

    /**
     * Polls with every partition paused, to keep the group membership and rebalances going; a
     * partition assigned meanwhile is not paused yet, so what it returns is sought back.
     */
    private void idle() {
        consumer.pause(consumer.assignment());
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        for (TopicPartition tp : records.partitions()) {
            consumer.seek(tp, records.records(tp).get(0).offset());
        }
    }

    private void commitAsync() {
        var offsets = tracker.committable(consumer.assignment());
        if (!offsets.isEmpty()) {
            consumer.commitAsync(
                    offsets,
                    (o, e) -> {
                        if (e != null) {
                            LOG.debug("Commit failed (the next one covers it): {}", e.toString());
                        }
                    });
        }
    }

    private void commitSync() {
        var offsets = tracker.committable(consumer.assignment());
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
        }
    }

    private void close() {
        if (crashed.getAsBoolean()) {
            consumer.close(Duration.ofSeconds(5)); // leaves the group: no wait for its timeout
            ingester.close(); // its threads; what it still sends is read again anyway
            deadLetters.close();
            LOG.info("Indexer halted without committing");
            return;
        }
        try {
            ingester.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (tracker.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            commitSync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Final commit failed; the records since the last commit are read again", e);
        } finally {
            consumer.close(COMMIT_TIMEOUT);
            ingester.close();
            deadLetters.close();
        }
        LOG.info(
                "Indexer stopped: {} indexed, {} stale, {} rejected",
                listener.indexed(),
                listener.stale(),
                listener.rejected());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topics.prefix() + settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private BulkIngester<ConsumerRecord<String, byte[]>> ingester(IndexingListener listener) {
        return BulkIngester.of(
                b ->
                        b.client(client)
                                .maxOperations(settings.bulkActions())
                                .maxSize(settings.bulkSize().toBytes())
                                .maxConcurrentRequests(settings.concurrentRequests())
                                .flushInterval(
                                        settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                                .backoffPolicy(
                                        BackoffPolicy.exponentialBackoff(
                                                settings.retryInitialBackoff().toMillis(), 3))
                                .listener(listener));
    }
}
