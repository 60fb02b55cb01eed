package io.vigil.indexer.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.transport.BackoffPolicy;
import io.vigil.core.kafka.Topics;
import io.vigil.indexer.IndexerProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The Kafka consumer and the bulk ingester of one indexer run, configured from its settings. */
final class IndexerClients {

    private IndexerClients() {}

    /**
     * A consumer in the indexer's group: manual commits, read_committed, from the earliest offset
     * of a new group.
     */
    static KafkaConsumer<String, byte[]> consumer(
            Map<String, Object> clientConfig, Topics topics, IndexerProperties settings) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topics.prefix() + settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        // articles are a few KB each: fetch a poll's worth per partition in one round trip
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A bulk ingester flushing at {@code bulk-actions}, {@code bulk-size} or {@code
     * flush-interval}, with {@code concurrent-requests} in flight; it retries items answered 429
     * three times with exponential back-off before the listener sees them.
     */
    static BulkIngester<ConsumerRecord<String, byte[]>> ingester(
            ElasticsearchClient client, IndexerProperties settings, IndexingListener listener) {
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
