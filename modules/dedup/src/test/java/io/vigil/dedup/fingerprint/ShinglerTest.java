package io.vigil.dedup.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShinglerTest {

    private final Shingler shingler = new Shingler(3);

    @Test
    void wordsAreCaseAndPunctuationInsensitive() {
        assertThat(shingler.shingles("The U.N. envoy said: \"talks resume today.\""))
                .containsExactly(shingler.shingles("the u n envoy said talks resume today"));
        assertThat(shingler.paragraphs("Don’t stop. Don't stop!"))
                .singleElement()
                .satisfies(tokens -> assertThat(tokens).hasSize(4));
    }

    @Test
    void countsDistinctShinglesOfConsecutiveWords() {
        // 6 words -> 4 shingles of 3; a repeated shingle counts once
        assertThat(shingler.shingles("one two three four five six")).hasSize(4);
        assertThat(shingler.shingles("a b c a b c")).hasSize(3);
        assertThat(shingler.shingles("a b c d e f")).doesNotContain(shingler.shingles("b a c")[0]);
    }

    @Test
    void shortParagraphsAreOneShingle() {
        assertThat(shingler.shingles("Breaking")).hasSize(1);
        assertThat(shingler.shingles("")).isEmpty();
        assertThat(shingler.shingles(" \n\n ...")).isEmpty();
    }

    @Test
    void distinctKeepsEveryValueOnceZeroIncluded() {
        long[] few = {5, 0, 5, -1, 0, 7, -1, Long.MIN_VALUE};
        assertThat(Shingler.distinct(few.clone(), few.length))
                .containsExactlyInAnyOrder(5, 0, -1, 7, Long.MIN_VALUE);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        long[] many = r.longs(5000, 0, 1500).toArray(); // many repeats, colliding low bits
        assertThat(Shingler.distinct(many.clone(), many.length))
                .containsExactlyInAnyOrder(java.util.Arrays.stream(many).distinct().toArray());
    }

    @Test
    void shinglesStayWithinParagraphsSoReorderingKeepsThem() {
        String a = "first paragraph has five words\n\nsecond paragraph has other words";
        String b = "second paragraph has other words\n\nfirst paragraph has five words";
        assertThat(shingler.shingles(a)).containsExactlyInAnyOrder(shingler.shingles(b));
    }

    @Test
    void chineseRunsBecomeCharacterBigrams() {
        List<long[]> paragraphs = shingler.paragraphs("联合国专家关注报告");
        // 9 Han characters -> 8 overlapping bigrams
        assertThat(paragraphs).singleElement().satisfies(t -> assertThat(t).hasSize(8));
        // the same sentence inside other text shares its shingles
        long[] sentence = shingler.shingles("联合国专家关注报告");
        long[] longer = shingler.shingles("新华社北京电 联合国专家关注报告。记者：王明");
        assertThat(longer).contains(sentence);
        // a different ending: 4 of the 6 shingles are shared
        long[] other = shingler.shingles("联合国专家关注天气");
        assertThat(
                        java.util.Arrays.stream(other)
                                .filter(
                                        h ->
                                                java.util.Arrays.stream(sentence)
                                                        .anyMatch(x -> x == h))
                                .count())
                .isEqualTo(4);
    }

    @Test
    void japaneseKanaKoreanAndMixedScriptsAreTokenised() {
        // Kana and Kanji together form one unsegmented run: 7 characters, 6 bigrams
        assertThat(shingler.paragraphs("東京でニュース発表"))
                .singleElement()
                .satisfies(t -> assertThat(t).hasSize(8));
        // Hangul syllables: each word becomes bigrams (2 + 1), a lone syllable a unigram
        assertThat(shingler.paragraphs("대한민국 서울 시"))
                .singleElement()
                .satisfies(t -> assertThat(t).hasSize(5));
        // Latin words inside Chinese text stay words
        assertThat(shingler.paragraphs("苹果公司 Apple iPhone 发布"))
                .singleElement()
                .satisfies(t -> assertThat(t).hasSize(3 + 2 + 1));
    }

    @Test
    void fullWidthFormsEqualTheirAsciiForms() {
        assertThat(shingler.shingles("ＵＮ ｒｅｐｏｒｔ ２０２６"))
                .containsExactly(shingler.shingles("UN report 2026"));
    }

    @Test
    void scriptsWithoutSpacesAreRecognised() {
        assertThat(Shingler.isUnsegmented('中')).isTrue();
        assertThat(Shingler.isUnsegmented('ア')).isTrue();
        assertThat(Shingler.isUnsegmented('한')).isTrue();
        assertThat(Shingler.isUnsegmented('ก')).isTrue();
        assertThat(Shingler.isUnsegmented('a')).isFalse();
        assertThat(Shingler.isUnsegmented('я')).isFalse();
        assertThat(Shingler.isUnsegmented('ع')).isFalse();
    }
}
