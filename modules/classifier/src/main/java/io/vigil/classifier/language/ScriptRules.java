package io.vigil.classifier.language;

import io.vigil.core.event.ArticleClassified.DetectedLanguage;

/**
 * Languages told by their script alone: those Lingua does not model (Tibetan, Uyghur, Khmer, Lao,
 * Burmese, Sinhala, Amharic) and those a script settles for certain and cheaply (Korean by Hangul;
 * Japanese by kana among the kanji, Chinese by Han without kana). A script decides when most
 * letters of the text are in it; Uyghur is told from other Arabic-script languages by the share of
 * letters only its orthography uses.
 */
final class ScriptRules {

    /** Share of all letters a script needs before it decides the language. */
    private static final double SCRIPT_MAJORITY = 0.5;

    /**
     * Share of Arabic-script letters that are Uyghur-only vowels/consonants before it is Uyghur.
     */
    private static final double UYGHUR_LETTERS = 0.04;

    /** Share of kana among Han and kana letters from which a text is Japanese. */
    private static final double JAPANESE_KANA = 0.05;

    private ScriptRules() {}

    /** The language when the script alone tells it, else null (ask Lingua). */
    static DetectedLanguage identify(String text) {
        int letters = 0;
        int tibetan = 0;
        int arabic = 0;
        int uyghurOnly = 0;
        int khmer = 0;
        int lao = 0;
        int myanmar = 0;
        int sinhala = 0;
        int ethiopic = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case TIBETAN -> tibetan++;
                case ARABIC -> {
                    arabic++;
                    if (isUyghurOnly(c)) {
                        uyghurOnly++;
                    }
                }
                case KHMER -> khmer++;
                case LAO -> lao++;
                case MYANMAR -> myanmar++;
                case SINHALA -> sinhala++;
                case ETHIOPIC -> ethiopic++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                default -> {}
            }
        }
        if (letters == 0) {
            return null;
        }
        double threshold = letters * SCRIPT_MAJORITY;
        if (arabic > threshold) {
            double share = (double) uyghurOnly / arabic;
            return share >= UYGHUR_LETTERS
                    ? new DetectedLanguage("ug", Math.min(1, 0.5 + share * 5))
                    : null;
        }
        if (hangul > threshold) {
            return new DetectedLanguage("ko", (double) hangul / letters);
        }
        if (han + kana > threshold) {
            // Japanese writes kana between its kanji; Chinese has none (beyond a stray quote).
            return kana >= Math.max(2, (han + kana) * JAPANESE_KANA)
                    ? new DetectedLanguage("ja", (double) (han + kana) / letters)
                    : new DetectedLanguage("zh", (double) han / letters);
        }
        if (tibetan > threshold) {
            return new DetectedLanguage("bo", (double) tibetan / letters);
        }
        if (khmer > threshold) {
            return new DetectedLanguage("km", (double) khmer / letters);
        }
        if (lao > threshold) {
            return new DetectedLanguage("lo", (double) lao / letters);
        }
        if (myanmar > threshold) {
            return new DetectedLanguage("my", (double) myanmar / letters);
        }
        if (sinhala > threshold) {
            return new DetectedLanguage("si", (double) sinhala / letters);
        }
        if (ethiopic > threshold) {
            return new DetectedLanguage("am", (double) ethiopic / letters);
        }
        return null;
    }

    /**
     * Letters of the Uyghur Arabic-script orthography that Arabic, Persian and Urdu do not use: ې
     * (e), ۈ (ü), ۆ (ö), ڭ (ng) and ە (ä).
     */
    private static boolean isUyghurOnly(int c) {
        return c == 0x06D0 || c == 0x06C8 || c == 0x06C6 || c == 0x06AD || c == 0x06D5;
    }
}
