package io.vigil.dedup.stream;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.dedup.DedupProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stage's processing path without a broker and without per-record commits: the reader (JSON
 * in), the hop through the repartition topic (JSON out and in again), the deduplicating processor
 * on real RocksDB stores, and the output's JSON. What a stream thread does per record, minus the
 * network and the periodic commits. For the bench; Kafka's {@code TopologyTestDriver} commits and
 * flushes RocksDB after every record, which measures the test driver rather than the stage.
 */
public final class DirectStage implements AutoCloseable {

    private final MockProcessorContext<String, ArticleAccepted> context;
    private final Map<String, KeyValueStore<?, ?>> stores = new HashMap<>();
    private final DeduplicatingProcessor processor;
    private final Reader reader;
    private final JsonSerde<ArticleFetched> articles = JsonSerde.of(ArticleFetched.class);
    private final JsonSerde<ArticleAccepted> accepted = JsonSerde.of(ArticleAccepted.class);
    private final String topic;

    public DirectStage(DedupProperties settings, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        context = new MockProcessorContext<>(p, new TaskId(0, 0), stateDir.toFile());
        add(DedupTopology.store(DedupTopology.ARTICLES, Serdes.String(), false).build());
        add(DedupTopology.store(DedupTopology.STORIES, Serdes.String(), false).build());
        add(DedupTopology.store(DedupTopology.BUCKETS, Serdes.Long(), false).build());
        add(DedupTopology.store(DedupTopology.FURNITURE, Serdes.String(), false).build());
        Topics topics = Topics.unprefixed();
        topic = topics.articlesFetched();
        reader = new Reader(topic);
        processor = new DeduplicatingProcessor(settings);
        processor.init(context);
    }

    private void add(KeyValueStore<?, ?> store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        stores.put(store.name(), store);
    }

    /** The stage's store of that name. */
    public KeyValueStore<?, ?> store(String name) {
        return stores.get(name);
    }

    /**
     * Processes one input value as it comes from the topic.
     *
     * @return the bytes published for it (empty for a late older fetch or a dead letter)
     */
    public List<byte[]> process(String key, byte[] value, long timestamp) {
        Reader.Read read = reader.read(key, value);
        if (read.article() == null) {
            return List.of();
        }
        ArticleFetched hopped =
                articles.deserialize(topic, articles.serialize(topic, read.article()));
        processor.process(new Record<>(read.articleId(), hopped, timestamp));
        List<byte[]> out =
                context.forwarded().stream()
                        .map(f -> accepted.serialize(topic, f.record().value()))
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
