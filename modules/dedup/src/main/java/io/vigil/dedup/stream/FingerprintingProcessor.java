package io.vigil.dedup.stream;

import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.story.Arrival;
import io.vigil.dedup.story.Fingerprinter;
import io.vigil.dedup.story.FurnitureState;
import io.vigil.dedup.story.HostFurniture;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parallel half of the stage, partitioned by host: strips each host's page furniture (it owns
 * the furniture store of its hosts), shingles and signs the text, and forwards the fingerprinted
 * article keyed by its article id.
 */
final class FingerprintingProcessor
        implements Processor<String, Reader.Read, String, Fingerprinted> {

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintingProcessor.class);

    private final DedupProperties settings;
    private ProcessorContext<String, Fingerprinted> context;
    private Fingerprinter fingerprinter;
    private Sweeper<String> sweeper;

    FingerprintingProcessor(DedupProperties settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Fingerprinted> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(DedupTopology.FURNITURE);
        fingerprinter = new Fingerprinter(settings, new Furniture(store));
        sweeper = new Sweeper<>(store, StoreCodec::furnitureSeenAt);
        context.schedule(settings.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, t -> sweep());
    }

    @Override
    public void process(Record<String, Reader.Read> record) {
        Reader.Read read = record.value();
        context.forward(
                record.withKey(read.articleId())
                        .withValue(
                                Fingerprinted.of(
                                        Arrival.of(read.articleId(), read.article()),
                                        fingerprinter.fingerprint(
                                                read.article(), record.timestamp()),
                                        read.json())));
    }

    private void sweep() {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime > 0) {
            int deleted =
                    sweeper.sweep(
                            streamTime - settings.horizon().toMillis(), settings.sweepBatch());
            if (deleted > 0) {
                LOG.info("Swept the furniture of {} hosts past the horizon", deleted);
            }
        }
    }

    /** {@link FurnitureState} over the furniture store. */
    private record Furniture(KeyValueStore<String, byte[]> store) implements FurnitureState {
        @Override
        public HostFurniture furniture(String host) {
            byte[] bytes = store.get(host);
            return bytes == null ? new HostFurniture() : StoreCodec.furniture(bytes);
        }

        @Override
        public void putFurniture(String host, HostFurniture furniture) {
            store.put(host, StoreCodec.furniture(furniture));
        }
    }
}
