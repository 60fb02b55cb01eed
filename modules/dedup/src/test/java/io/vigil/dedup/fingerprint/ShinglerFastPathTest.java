package io.vigil.dedup.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's ASCII fast path gives the same token hashes as the plain code-point tokenizer it
 * replaced (kept here as the reference): stored signatures must compare with new ones.
 */
class ShinglerFastPathTest {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long BIGRAM_SALT = 0x6a09e667f3bcc909L;

    private final Shingler shingler = new Shingler(3);

    /** Characters of every class the tokenizer distinguishes, ASCII and beyond. */
    private static final String[] PIECES = {
        "a",
        "Z",
        "q",
        "7",
        "0",
        " ",
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        "-",
        "'",
        "\u2019",
        "\"",
        "(",
        "é",
        "É",
        "ß",
        "İ",
        "ﬁ",
        "Ⅻ",
        "①",
        "e\u0301",
        "\u0301",
        "ñ",
        "Ж",
        "ж",
        "α",
        "Ω",
        "中",
        "国",
        "强",
        "制",
        "摘",
        "。",
        "，",
        "の",
        "カ",
        "ー",
        "々",
        "한",
        "국",
        "ไ",
        "ท",
        "ย",
        "ລ",
        "ក",
        "မ",
        "\uD840\uDC00",
        "\uD83D\uDE00",
        "\uD800",
        "\u00A0",
        "\t",
        "１",
        "Ａ",
        "don't",
        "l'homme",
        "U.N.",
        "GENEVA —",
        "Falun Gong",
        "X-rays",
        "2026",
        "O’Brien"
    };

    @Test
    void fastPathHashesEveryTextAsTheReferenceTokenizer() {
        SplittableRandom random = new SplittableRandom(20261126);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 60);
            boolean asciiOnly = random.nextInt(3) == 0;
            for (int i = 0; i < length; i++) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                if (asciiOnly && piece.chars().anyMatch(c -> c >= 0x80)) {
                    piece = "word";
                }
                text.append(piece);
            }
            String s = text.toString();
            assertThat(shingler.paragraphs(s))
                    .as("%s", s)
                    .usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(reference(s));
        }
    }

    @Test
    void fastPathHashesRealTextAsTheReferenceTokenizer() {
        String text =
                "GENEVA — A group of United Nations human rights experts said on Tuesday they"
                        + " were extremely alarmed by reports of forced organ harvesting.\n\n"
                        + "Don’t stop; l'homme, O'Brien's 3rd report (X-rays, 40 cm).\n"
                        + "多名联合国人权专家本周表示，他们对有关中国强制摘取被拘留者器官的报告深感震惊。\n"
                        + "Ça a été très « difficile », déclare-t-il à l’AFP. ＡＢＣ１２３";
        assertThat(shingler.paragraphs(text))
                .usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(reference(text));
    }

    /** The tokenizer before the fast path: code points, Character.toLowerCase on each. */
    private static List<long[]> reference(String text) {
        List<long[]> paragraphs = new ArrayList<>();
        if (text.isEmpty()) {
            return paragraphs;
        }
        boolean nonAscii = text.chars().anyMatch(c -> c >= 0x80);
        String normal = nonAscii ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        int start = 0;
        while (start < normal.length()) {
            int end = normal.indexOf('\n', start);
            if (end < 0) {
                end = normal.length();
            }
            List<Long> tokens = new ArrayList<>();
            tokenize(normal, start, end, tokens);
            if (!tokens.isEmpty()) {
                paragraphs.add(tokens.stream().mapToLong(Long::longValue).toArray());
            }
            start = end + 1;
        }
        return paragraphs;
    }

    private static void tokenize(String s, int from, int to, List<Long> out) {
        long word = FNV_OFFSET;
        boolean inWord = false;
        int runFirst = -1;
        int previous = -1;
        int i = from;
        while (i < to) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Shingler.isUnsegmented(cp)) {
                if (inWord) {
                    out.add(Shingler.mix(word));
                    word = FNV_OFFSET;
                    inWord = false;
                }
                if (previous >= 0) {
                    out.add(Shingler.mix(BIGRAM_SALT ^ ((long) previous << 21 | cp)));
                    runFirst = -2;
                } else {
                    runFirst = cp;
                }
                previous = cp;
                continue;
            }
            if (previous >= 0) {
                if (runFirst >= 0) {
                    out.add(Shingler.mix(BIGRAM_SALT ^ runFirst));
                }
                previous = -1;
                runFirst = -1;
            }
            if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                word = (word ^ Character.toLowerCase(cp)) * FNV_PRIME;
                inWord = true;
            } else if (inWord
                    && (cp == '\'' || cp == '\u2019')
                    && i < to
                    && Character.isLetter(s.codePointAt(i))) {
                continue;
            } else if (inWord) {
                out.add(Shingler.mix(word));
                word = FNV_OFFSET;
                inWord = false;
            }
        }
        if (previous >= 0 && runFirst >= 0) {
            out.add(Shingler.mix(BIGRAM_SALT ^ runFirst));
        }
        if (inWord) {
            out.add(Shingler.mix(word));
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
