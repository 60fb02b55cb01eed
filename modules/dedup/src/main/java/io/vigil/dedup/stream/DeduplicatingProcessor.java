package io.vigil.dedup.stream;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleFetched;
import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.story.Deduplicator;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream task that owns the dedup state: runs the {@link Deduplicator} on each article and
 * forwards what it accepts; sweeps expired entries from the stores on a wall-clock schedule.
 */
final class DeduplicatingProcessor
        implements Processor<String, ArticleFetched, String, ArticleAccepted> {

    private static final Logger LOG = LoggerFactory.getLogger(DeduplicatingProcessor.class);

    private final DedupProperties settings;
    private ProcessorContext<String, ArticleAccepted> context;
    private Deduplicator deduplicator;
    private Sweeper<String> articleSweeper;
    private Sweeper<String> storySweeper;
    private Sweeper<Long> bucketSweeper;
    private Sweeper<String> furnitureSweeper;

    DeduplicatingProcessor(DedupProperties settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, ArticleAccepted> context) {
        this.context = context;
        KeyValueStore<String, byte[]> articles = context.getStateStore(DedupTopology.ARTICLES);
        KeyValueStore<String, byte[]> stories = context.getStateStore(DedupTopology.STORIES);
        KeyValueStore<Long, byte[]> buckets = context.getStateStore(DedupTopology.BUCKETS);
        KeyValueStore<String, byte[]> furniture = context.getStateStore(DedupTopology.FURNITURE);
        deduplicator =
                new Deduplicator(
                        settings, new StoreDedupState(articles, stories, buckets, furniture));
        articleSweeper = new Sweeper<>(articles, StoreCodec::articleSeenAt);
        storySweeper = new Sweeper<>(stories, StoreCodec::storySeenAt);
        bucketSweeper = new Sweeper<>(buckets, StoreCodec::bucketSeenAt);
        furnitureSweeper = new Sweeper<>(furniture, StoreCodec::furnitureSeenAt);
        context.schedule(settings.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, t -> sweep());
    }

    @Override
    public void process(Record<String, ArticleFetched> record) {
        ArticleAccepted accepted = deduplicator.accept(record.value(), record.timestamp());
        if (accepted != null) {
            context.forward(record.withKey(accepted.articleId()).withValue(accepted));
        }
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
                        + bucketSweeper.sweep(notBefore, batch)
                        + furnitureSweeper.sweep(notBefore, batch);
        if (deleted > 0) {
            LOG.info("Swept {} expired dedup entries (older than {} ms)", deleted, notBefore);
        }
    }
}
