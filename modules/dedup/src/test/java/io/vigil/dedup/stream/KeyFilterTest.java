package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    @Test
    void neverMissesAnAddedKeyAndPassesFewAbsentOnes() {
        KeyFilter filter = new KeyFilter(1 << 20);
        long capacity = filter.capacity();
        SplittableRandom random = new SplittableRandom(7);
        long[] keys = new long[(int) capacity];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
            filter.add(keys[i]);
        }
        for (long key : keys) {
            assertThat(filter.mightContain(key)).isTrue();
        }
        int passed = 0;
        int absent = 200_000;
        for (int i = 0; i < absent; i++) {
            if (filter.mightContain(random.nextLong())) {
                passed++;
            }
        }
        assertThat((double) passed / absent).isLessThan(0.03);
        assertThat(filter.added()).isEqualTo(capacity);
    }

    @Test
    void clearForgetsEverything() {
        KeyFilter filter = new KeyFilter(64);
        filter.add(42);
        assertThat(filter.mightContain(42)).isTrue();
        filter.clear();
        assertThat(filter.mightContain(42)).isFalse();
        assertThat(filter.added()).isZero();
    }
}
