package io.vigil.dedup.stream;

import io.vigil.core.kafka.Topics;
import io.vigil.dedup.DedupProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stage's processing path without a broker and without per-record commits: the reader (JSON
 * in), the hop through the by-host topic (JSON out and in again), the fingerprinting processor on
 * its RocksDB furniture store, the hop through the single-partition topic, the deduplicating
 * processor on its RocksDB stores, and the output's JSON. What a stream thread does per record,
 * minus the network and the periodic commits. For the bench; Kafka's {@code TopologyTestDriver}
 * commits and flushes RocksDB after every record, which measures the test driver rather than the
 * stage.
 */
public final class DirectStage implements AutoCloseable {

    private final MockProcessorContext<String, Fingerprinted> fingerprintContext;
    private final MockProcessorContext<String, Accepted> context;
    private final Map<String, KeyValueStore<?, ?>> stores = new HashMap<>();
    private final FingerprintingProcessor fingerprinter;
    private final DeduplicatingProcessor processor;
    private final Reader reader;
    private final Serde<Reader.Read> reads = Reader.hopSerde();
    private final Serde<Fingerprinted> fingerprints = Fingerprinted.serde();
    private final Serde<Accepted> accepted = Accepted.serde();
    private final String topic;

    public DirectStage(DedupProperties settings, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        fingerprintContext = new MockProcessorContext<>(p, new TaskId(1, 0), stateDir.toFile());
        context = new MockProcessorContext<>(p, new TaskId(2, 0), stateDir.toFile());
        add(context, DedupTopology.store(DedupTopology.ARTICLES, Serdes.String(), false).build());
        add(context, DedupTopology.store(DedupTopology.STORIES, Serdes.String(), false).build());
        add(context, DedupTopology.store(DedupTopology.BUCKETS, Serdes.Long(), false).build());
        add(
                fingerprintContext,
                DedupTopology.store(DedupTopology.FURNITURE, Serdes.String(), false).build());
        Topics topics = Topics.unprefixed();
        topic = topics.articlesFetched();
        reader = new Reader(topic);
        fingerprinter = new FingerprintingProcessor(settings);
        fingerprinter.init(fingerprintContext);
        processor = new DeduplicatingProcessor(settings);
        processor.init(context);
    }

    private void add(MockProcessorContext<?, ?> context, KeyValueStore<?, ?> store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        stores.put(store.name(), store);
    }

    /**
     * Closes and initialises both processors again, as Kafka Streams does once it has restored a
     * task's stores: for stores filled behind the processors' back (the bench's pre-load).
     */
    public void reopen() {
        fingerprinter.close();
        processor.close();
        fingerprinter.init(fingerprintContext);
        processor.init(context);
    }

    /** The stage's store of that name. */
    public KeyValueStore<?, ?> store(String name) {
        return stores.get(name);
    }

    /**
     * The first half, which runs in parallel: reads one input value as it comes from the topic,
     * passes it through the by-host topic (JSON), fingerprints it and serialises the result for the
     * single-partition topic.
     *
     * @return the bytes for the single-partition topic, or null for a dead letter
     */
    public byte[] fingerprint(String key, byte[] value, long timestamp) {
        Reader.Read read = reader.read(key, value);
        if (read.article() == null) {
            return null;
        }
        Reader.Read hopped =
                reads.deserializer().deserialize(topic, reads.serializer().serialize(topic, read));
        fingerprinter.process(new Record<>(key, hopped, timestamp));
        byte[] out =
                fingerprints
                        .serializer()
                        .serialize(topic, fingerprintContext.forwarded().get(0).record().value());
        fingerprintContext.resetForwards();
        return out;
    }

    /**
     * The second half, on the single partition: deduplicates one fingerprinted article.
     *
     * @return the bytes published for it (none for a late older fetch)
     */
    public List<byte[]> deduplicate(byte[] fingerprinted, long timestamp) {
        Fingerprinted f = fingerprints.deserializer().deserialize(topic, fingerprinted);
        processor.process(new Record<>(f.arrival().articleId(), f, timestamp));
        List<byte[]> out =
                context.forwarded().stream()
                        .map(r -> accepted.serializer().serialize(topic, r.record().value()))
                        .toList();
        context.resetForwards();
        return out;
    }

    @Override
    public void close() {
        for (KeyValueStore<?, ?> store : stores.values()) {
            store.close();
        }
    }
}
