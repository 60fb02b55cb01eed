package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.dedup.fingerprint.Signature;
import io.vigil.dedup.story.HostFurniture;
import io.vigil.dedup.story.StoredArticle;
import io.vigil.dedup.story.StoredStory;
import io.vigil.dedup.stream.StoreCodec.BucketEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreCodecTest {

    @Test
    void roundTripsEveryValue() {
        StoredArticle a =
                new StoredArticle(
                        "s1",
                        null,
                        0.75,
                        "ünï.example",
                        10L,
                        20L,
                        300,
                        new Signature(new int[] {1, -2, 3}));
        StoredArticle back = StoreCodec.article(StoreCodec.article(a));
        assertThat(back).usingRecursiveComparison().isEqualTo(a);
        assertThat(StoreCodec.articleSeenAt(StoreCodec.article(a))).isEqualTo(20L);

        StoredStory s = new StoredStory("s1", 3, List.of("Le Monde", "新华网"), 99L);
        assertThat(StoreCodec.story(StoreCodec.story(s))).isEqualTo(s);
        assertThat(StoreCodec.storySeenAt(StoreCodec.story(s))).isEqualTo(99L);

        List<BucketEntry> bucket = List.of(new BucketEntry("a", 5L), new BucketEntry("b", 7L));
        assertThat(StoreCodec.bucket(StoreCodec.bucket(bucket))).isEqualTo(bucket);
        assertThat(StoreCodec.bucketSeenAt(StoreCodec.bucket(bucket))).isEqualTo(7L);

        HostFurniture f =
                new HostFurniture(new long[] {11L, 12L}, new int[] {4, 1}, new long[] {100L, 50L});
        HostFurniture fb = StoreCodec.furniture(StoreCodec.furniture(f));
        assertThat(fb.size()).isEqualTo(2);
        assertThat(fb.hash(1)).isEqualTo(12L);
        assertThat(fb.count(0)).isEqualTo(4);
        assertThat(StoreCodec.furnitureSeenAt(StoreCodec.furniture(f))).isEqualTo(100L);
    }
}
