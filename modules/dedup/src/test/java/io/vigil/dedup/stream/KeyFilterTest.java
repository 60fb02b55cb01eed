package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    @Test
    void neverMissesAnAddedKeyAndPassesFewOthers() {
        KeyFilter filter = new KeyFilter(1 << 20);
        SplittableRandom random = new SplittableRandom(3);
        long[] keys = new long[(int) filter.capacity()];
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
        assertThat(filter.added()).isEqualTo(keys.length);

        filter.clear();
        assertThat(filter.mightContain(keys[0])).isFalse();
        assertThat(filter.added()).isZero();
    }

    @Test
    void smallKeysSpreadToo() {
        KeyFilter filter = new KeyFilter(1 << 16);
        for (long k = 0; k < 1000; k++) {
            filter.add(k);
        }
        int passed = 0;
        for (long k = 1000; k < 101_000; k++) {
            if (filter.mightContain(k)) {
                passed++;
            }
        }
        assertThat(passed).isLessThan(1_000);
    }
}
