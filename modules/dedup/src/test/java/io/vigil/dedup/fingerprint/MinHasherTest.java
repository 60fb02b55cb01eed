package io.vigil.dedup.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinHasherTest {

    private final MinHasher minHasher = new MinHasher(256);

    /** Sets of 1000 elements sharing {@code shared} of them. */
    private static long[][] overlapping(int shared, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] common = LongStream.generate(r::nextLong).limit(shared).toArray();
        long[] a =
                LongStream.concat(
                                LongStream.of(common),
                                LongStream.generate(r::nextLong).limit(1000 - shared))
                        .toArray();
        long[] b =
                LongStream.concat(
                                LongStream.of(common),
                                LongStream.generate(r::nextLong).limit(1000 - shared))
                        .toArray();
        return new long[][] {a, b};
    }

    @Test
    void estimatesJaccardSimilarity() {
        for (int shared : new int[] {0, 200, 500, 800, 1000}) {
            long[][] sets = overlapping(shared, shared);
            double truth = shared / (2000.0 - shared);
            double estimate = minHasher.sign(sets[0]).jaccard(minHasher.sign(sets[1]));
            // 256 slots: standard error <= 0.032
            assertThat(estimate).as("shared %d", shared).isCloseTo(truth, within(0.1));
        }
    }

    @Test
    void isDeterministicAcrossInstances() {
        long[] set = overlapping(10, 1)[0];
        assertThat(new MinHasher(256).sign(set)).isEqualTo(minHasher.sign(set));
        assertThat(new MinHasher(128).sign(set).size()).isEqualTo(128);
    }

    @Test
    void identicalSetsShareEveryBandBucketAndDisjointOnesNone() {
        long[][] same = overlapping(1000, 2);
        Signature a = minHasher.sign(same[0]);
        Signature b = minHasher.sign(same[1]);
        long[][] disjoint = overlapping(0, 3);
        Signature c = minHasher.sign(disjoint[0]);
        Signature d = minHasher.sign(disjoint[1]);
        int shared = 0;
        for (int band = 0; band < 64; band++) {
            assertThat(a.bucket(band, 4)).isEqualTo(b.bucket(band, 4));
            shared += c.bucket(band, 4) == d.bucket(band, 4) ? 1 : 0;
        }
        assertThat(shared).isZero();
        assertThat(a.bucket(0, 4)).isNotEqualTo(a.bucket(1, 4));
    }

    @Test
    void highSimilarityBecomesACandidateAndLowRarely() {
        // 32 bands of 2 rows: P(candidate) = 1 - (1 - s^2)^32
        MinHasher h = new MinHasher(128);
        int high = 0;
        int low = 0;
        for (int trial = 0; trial < 50; trial++) {
            long[][] similar = overlapping(850, 100 + trial); // Jaccard 0.74
            long[][] distant = overlapping(30, 200 + trial); // Jaccard 0.015
            high += sharesABucket(h.sign(similar[0]), h.sign(similar[1])) ? 1 : 0;
            low += sharesABucket(h.sign(distant[0]), h.sign(distant[1])) ? 1 : 0;
        }
        assertThat(high).isEqualTo(50);
        assertThat(low).isLessThan(5);
    }

    private static boolean sharesABucket(Signature a, Signature b) {
        for (int band = 0; band < 32; band++) {
            if (a.bucket(band, 2) == b.bucket(band, 2)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void roundTripsThroughBytes() {
        Signature s = minHasher.sign(overlapping(5, 4)[0]);
        ByteBuffer buffer = ByteBuffer.allocate(4 * s.size());
        s.writeTo(buffer);
        buffer.flip();
        assertThat(Signature.readFrom(buffer, s.size())).isEqualTo(s);
    }

    @Test
    void emptySetsGetTheMaximumEverywhere() {
        assertThat(minHasher.sign(new long[0]).equalSlots(minHasher.sign(new long[0])))
                .isEqualTo(256);
    }
}
