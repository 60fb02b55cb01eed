package io.vigil.crawler.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionScoreTest {

    @Test
    void tokensAreUnicodeWordRuns() {
        assertThat(ExtractionScore.tokens("Hello, wörld! It's 2024_x — 東京 ok"))
                .containsExactly("Hello", "wörld", "It", "s", "2024_x", "東京", "ok");
        assertThat(ExtractionScore.tokens("")).isEmpty();
        assertThat(ExtractionScore.tokens(null)).isEmpty();
    }

    @Test
    void identicalTextsScorePerfectly() {
        ExtractionScore.PageScore s = ExtractionScore.score("a b c d e f", "a  b\nc d, e f");
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.exact()).isTrue();
    }

    @Test
    void extraAndMissingShinglesCountAsFalsePositivesAndNegatives() {
        // truth: 6 tokens -> 3 shingles; prediction adds 2 tokens at the end -> 5 shingles, 3 true
        ExtractionScore.PageScore s = ExtractionScore.score("a b c d e f x y", "a b c d e f");
        assertThat(s.precision()).isCloseTo(3 / 5.0, within(1e-9));
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.exact()).isFalse();

        ExtractionScore.PageScore half = ExtractionScore.score("a b c d", "a b c d e f g");
        assertThat(half.precision()).isEqualTo(1.0);
        assertThat(half.recall()).isCloseTo(1 / 4.0, within(1e-9));
    }

    @Test
    void emptyPredictionsAndShortTexts() {
        assertThat(ExtractionScore.score("", "a b c d e").recall()).isZero();
        assertThat(ExtractionScore.score("", "a b c d e").precision()).isZero();
        assertThat(ExtractionScore.score("", "").precision()).isEqualTo(1.0);
        // fewer than four tokens make one shingle of all of them
        assertThat(ExtractionScore.score("a b", "a b").precision()).isEqualTo(1.0);
        assertThat(ExtractionScore.score("a b", "a c").recall()).isZero();
    }

    @Test
    void summaryAveragesPagesAndTakesF1OfTheAverages() {
        ExtractionScore.Summary s =
                ExtractionScore.summarize(
                        List.of(
                                new ExtractionScore.PageScore(1.0, 0.5, false),
                                new ExtractionScore.PageScore(0.5, 1.0, true)));
        assertThat(s.precision()).isEqualTo(0.75);
        assertThat(s.recall()).isEqualTo(0.75);
        assertThat(s.f1()).isEqualTo(0.75);
        assertThat(s.accuracy()).isEqualTo(0.5);
        assertThat(s.pages()).isEqualTo(2);
    }
}
