package io.vigil.dedup.stream;

import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.story.Deduplicator;
import io.vigil.dedup.story.Placement;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-partition half of the stage, which owns the articles, stories and LSH buckets: runs
 * the {@link Deduplicator} on each fingerprinted article and forwards what it accepts; sweeps
 * expired entries from its stores on a wall-clock schedule.
 */
final class DeduplicatingProcessor implements Processor<String, Fingerprinted, String, Accepted> {

    private static final Logger LOG = LoggerFactory.getLogger(DeduplicatingProcessor.class);

    private final DedupProperties settings;
    private ProcessorContext<String, Accepted> context;
    private Deduplicator deduplicator;
    private StoreDedupState state;
    private Sweeper<String> articleSweeper;
    private Sweeper<String> storySweeper;
    private Sweeper<Long> bucketSweeper;

    DeduplicatingProcessor(DedupProperties settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Accepted> context) {
        this.context = context;
        KeyValueStore<String, byte[]> articles = context.getStateStore(DedupTopology.ARTICLES);
        KeyValueStore<String, byte[]> stories = context.getStateStore(DedupTopology.STORIES);
        KeyValueStore<Long, byte[]> buckets = context.getStateStore(DedupTopology.BUCKETS);
        // Made afresh at every init: Kafka Streams initialises the processor after each restoration
        // of its stores (start, rebalance, revival after an aborted transaction), so what the state
        // keeps in memory (the bucket filter) is always built from what the stores hold then.
        state =
                new StoreDedupState(
                        articles,
                        stories,
                        buckets,
                        settings.bucketFilterMb() * (1L << 20),
                        settings.cacheMb() * (1L << 20));
        deduplicator = new Deduplicator(settings, state);
        articleSweeper = new Sweeper<>(articles, StoreCodec::articleSeenAt);
        storySweeper = new Sweeper<>(stories, StoreCodec::storySeenAt);
        bucketSweeper = new Sweeper<>(buckets, StoreCodec::bucketSeenAt);
        context.schedule(settings.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, t -> sweep());
    }

    @Override
    public void process(Record<String, Fingerprinted> record) {
        Fingerprinted f = record.value();
        Placement placement = deduplicator.place(f.arrival(), f.fingerprint(), record.timestamp());
        if (placement != null) {
            context.forward(
                    record.withKey(placement.articleId())
                            .withValue(new Accepted(placement, f.article())));
        }
    }

    /**
     * Forgets everything read from the stores. Kafka Streams closes the processor whenever its task
     * is suspended, closed or revived (a rebalance, an aborted transaction), after which the stores
     * may be wiped and restored from the changelogs; {@link #init} starts again from what they
     * hold.
     */
    @Override
    public void close() {
        deduplicator = null;
        state = null;
    }

    /** Deletes expired entries; the horizon counts back from the newest record seen. */
    void sweep() {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime <= 0) {
            return;
        }
        long notBefore = streamTime - settings.horizon().toMillis();
        int batch = settings.sweepBatch();
        int deleted =
                articleSweeper.sweep(notBefore, batch)
                        + storySweeper.sweep(notBefore, batch)
                        + bucketSweeper.sweep(notBefore, batch);
        if (deleted > 0) {
            state.forgetRecent(); // the cache may hold what the sweepers just deleted
            LOG.info("Swept {} expired dedup entries (older than {} ms)", deleted, notBefore);
        }
    }
}
