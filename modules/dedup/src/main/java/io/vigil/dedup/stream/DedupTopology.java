package io.vigil.dedup.stream;

import io.vigil.core.event.DeadLetter;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.story.Fingerprinter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup topology, in three sub-topologies. Reading runs in parallel over the input's
 * partitions; unreadable records go to the stage's dead-letter topic. Readable articles are
 * re-keyed by host: fingerprinting (furniture stripping, which needs the host's history, then
 * shingles, MinHash and buckets: the CPU-heavy part) runs in parallel, partitioned by host.
 * Fingerprinted articles, keyed by canonical article id, pass through a single-partition topic to
 * the one task that owns the LSH index and the stories (see the module README for why one
 * partition, and its limits).
 *
 * <pre>
 * articles.fetched ─ read ─┬─ unreadable ──────────────────────────────────────────> dlq.dedup
 *                          └─ by host ─> [dedup-by-host] ─ fingerprint (furniture)
 *                                        ─> [dedup-single, 1 partition] ─ deduplicate ─> articles.accepted
 *                                                            (articles, stories, buckets)
 * </pre>
 */
public final class DedupTopology {

    static final String STAGE = "dedup";
    static final String VERSION =
            DedupTopology.class.getPackage().getImplementationVersion() == null
                    ? "dev"
                    : DedupTopology.class.getPackage().getImplementationVersion();

    /** Store: article id → what is remembered of it (signature, story, times). */
    public static final String ARTICLES = "dedup-articles";

    /** Store: story id → representative, member count, outlets. */
    public static final String STORIES = "dedup-stories";

    /** Store: LSH bucket → the most recent article ids in it. */
    public static final String BUCKETS = "dedup-buckets";

    /** Store: host → the leading and trailing paragraphs seen there (its page furniture). */
    public static final String FURNITURE = "dedup-furniture";

    /** Name of the repartition topic keyed by host (prefixed by the application id). */
    public static final String BY_HOST = "dedup-by-host";

    /** Name of the single-partition repartition topic (prefixed by the application id). */
    public static final String SINGLE = "dedup-single";

    private DedupTopology() {}

    /** The topology with changelogged stores. */
    public static Topology build(DedupProperties settings, Topics topics) {
        return build(settings, topics, true);
    }

    /**
     * @param changelog whether the stores are backed by changelog topics; only the bench, which
     *     pre-loads a million entries without a broker, turns them off
     */
    public static Topology build(DedupProperties settings, Topics topics, boolean changelog) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store(ARTICLES, Serdes.String(), changelog));
        builder.addStateStore(store(STORIES, Serdes.String(), changelog));
        builder.addStateStore(store(BUCKETS, Serdes.Long(), changelog));
        builder.addStateStore(store(FURNITURE, Serdes.String(), changelog));

        Reader reader = new Reader(topics.articlesFetched());
        KStream<String, Reader.Read> read =
                builder.stream(
                                topics.articlesFetched(),
                                Consumed.with(Serdes.String(), Serdes.ByteArray())
                                        .withName("articles-fetched"))
                        .mapValues(reader::read, Named.as("read"));
        read.filter((k, v) -> v.deadLetter() != null, Named.as("unreadable"))
                .mapValues(Reader.Read::deadLetter, Named.as("dead-letter"))
                .to(
                        topics.deadLetters(STAGE),
                        Produced.with(Serdes.String(), JsonSerde.of(DeadLetter.class))
                                .withName("dead-letters"));
        read.filter((k, v) -> v.article() != null, Named.as("readable"))
                .selectKey(
                        (k, v) -> Fingerprinter.host(v.article().canonicalUrl()),
                        Named.as("by-host"))
                .repartition(
                        Repartitioned.<String, Reader.Read>as(BY_HOST)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Reader.hopSerde()))
                .process(
                        () -> new FingerprintingProcessor(settings),
                        Named.as("fingerprint"),
                        FURNITURE)
                .repartition(
                        Repartitioned.<String, Fingerprinted>as(SINGLE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Fingerprinted.serde())
                                .withNumberOfPartitions(1))
                .process(
                        () -> new DeduplicatingProcessor(settings),
                        Named.as("deduplicate"),
                        ARTICLES,
                        STORIES,
                        BUCKETS)
                .to(
                        topics.articlesAccepted(),
                        Produced.with(Serdes.String(), Accepted.serde())
                                .withName("articles-accepted"));
        return builder.build();
    }

    static <K> StoreBuilder<KeyValueStore<K, byte[]>> store(
            String name, org.apache.kafka.common.serialization.Serde<K> keySerde, boolean log) {
        StoreBuilder<KeyValueStore<K, byte[]>> b =
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(name), keySerde, Serdes.ByteArray());
        return log ? b.withLoggingEnabled(java.util.Map.of()) : b.withLoggingDisabled();
    }
}
