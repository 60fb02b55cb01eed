package io.vigil.dedup.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void countsPairsAgainstTheTruth() {
        // truth: {a,b,c} {d,e}; predicted: {a,b} {c,d,e}
        Map<String, Integer> truth = Map.of("a", 1, "b", 1, "c", 1, "d", 2, "e", 2);
        Map<String, String> predicted = Map.of("a", "x", "b", "x", "c", "y", "d", "y", "e", "y");
        Scores s = Scores.of(predicted, truth);
        // predicted pairs: ab, cd, ce, de = 4, of which ab and de are true
        assertThat(s.predictedPairs()).isEqualTo(4);
        assertThat(s.truePairs()).isEqualTo(4); // ab ac bc de
        assertThat(s.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(s.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(s.purity()).isCloseTo(4 / 5.0, within(1e-9));
    }

    @Test
    void perfectAndSingletonClusterings() {
        Map<String, Integer> truth = Map.of("a", 1, "b", 1, "c", 2);
        Scores perfect = Scores.of(Map.of("a", "x", "b", "x", "c", "y"), truth);
        assertThat(perfect.precision()).isEqualTo(1.0);
        assertThat(perfect.recall()).isEqualTo(1.0);
        Scores singletons = Scores.of(Map.of("a", "1", "b", "2", "c", "3"), truth);
        assertThat(singletons.precision()).isEqualTo(1.0);
        assertThat(singletons.recall()).isEqualTo(0.0);
        assertThat(singletons.purity()).isEqualTo(1.0);
    }
}
