package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.dedup.DedupProperties;
import io.vigil.dedup.fingerprint.Signature;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached state over real RocksDB stores: what is written is read back, after a reopen too. */
class StoreDedupStateTest {

    @TempDir Path dir;

    @Test
    void writesThroughAndSeesWhatTheStoresHeldBeforeItOpened() {
        DedupProperties s = DedupProperties.defaults().withApplication("t", dir);
        StoredArticle article =
                new StoredArticle("s", null, 1.0, "h", 1L, 100L, 50, new Signature(new int[] {1}));
        try (DirectStage stage = new DirectStage(s, dir)) {
            StoreDedupState state = state(stage, 10);
            assertThat(state.bucket(7L, 0)).isEmpty();
            state.addToBuckets(new long[] {7L, 8L}, "a1", 100L, 24, 0);
            state.putArticle("a1", article);
            state.putStory("s", new StoredStory("s", 1, List.of("h"), 100L));
            // written through: a state without caches reads the same from the stores
            StoreDedupState uncached = state(stage, 0);
            assertThat(uncached.bucket(7L, 0)).containsExactly("a1");
            assertThat(uncached.article("a1", 0)).isEqualTo(article);
            assertThat(uncached.story("s", 0).members()).isEqualTo(1);
        }
        try (DirectStage stage = new DirectStage(s, dir)) {
            StoreDedupState reopened = state(stage, 10);
            assertThat(reopened.bucket(7L, 0)).containsExactly("a1");
            assertThat(reopened.bucket(8L, 0)).containsExactly("a1");
            assertThat(reopened.bucket(9L, 0)).isEmpty();
            reopened.addToBuckets(new long[] {7L}, "a2", 200L, 24, 150L);
            assertThat(reopened.bucket(7L, 0)).containsExactly("a2"); // a1 was past the horizon
            assertThat(reopened.article("a1", 101L)).isNull();
        }
    }

    @SuppressWarnings("unchecked")
    private static StoreDedupState state(DirectStage stage, int cache) {
        return new StoreDedupState(
                (KeyValueStore<String, byte[]>) stage.store(DedupTopology.ARTICLES),
                (KeyValueStore<String, byte[]>) stage.store(DedupTopology.STORIES),
                (KeyValueStore<Long, byte[]>) stage.store(DedupTopology.BUCKETS),
                new StoreDedupState.CacheSizes(cache, cache, cache),
                cache == 0 ? 0 : 1 << 16);
    }
}
