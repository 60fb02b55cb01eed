package io.vigil.classifier.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.vigil.core.event.ArticleClassified.DetectedLanguage;
import io.vigil.core.language.NgramLanguages;
import java.util.Map;
import java.util.SortedMap;

/**
 * The language of an article: Lingua for the 75 languages it models, and script rules for those it
 * lacks but our readers need (Tibetan, Uyghur in Arabic script, Khmer, Lao, Burmese, Sinhala,
 * Amharic). Thread-safe; build one and share it.
 *
 * <p>Long texts (200 letters or more in the first few hundred characters) go to OpenNLP's
 * 103-language n-gram model ({@link NgramLanguages}): as accurate there as Lingua and five to ten
 * times faster, which the stage's throughput needs. Short or uncertain texts (headlines, feed
 * summaries) go to a vote of Lingua's low-accuracy models and the n-gram model; Lingua's
 * high-accuracy models would do better still on a few words but hold 1.4 GB of heap. Lingua models
 * neither Uyghur nor Tibetan, so {@link ScriptRules} decides those from their letters first:
 * Tibetan has a script of its own, and Uyghur's Arabic-script orthography writes vowels with
 * letters no Arabic, Persian or Urdu text uses (ې ۈ ۆ ڭ ە).
 */
public final class LanguageIdentifier {

    /** Characters of a text Lingua looks at: beyond this the answer no longer changes. */
    private static final int SAMPLE_CHARS = 320;

    /** Letters a sample needs before the n-gram model's answer is trusted without Lingua. */
    private static final int LONG_TEXT_LETTERS = 200;

    /** The n-gram model's probability at which its answer on a long text stands. */
    private static final double CONFIDENT = 0.25;

    /**
     * Languages Lingua knows that hardly ever carry news this service reads: left out, they cannot
     * be mistaken for a short headline in a language that does.
     */
    private static final Language[] RARE_IN_NEWS = {
        Language.LATIN, Language.ESPERANTO, Language.MAORI, Language.TSONGA, Language.TSWANA,
        Language.SOTHO, Language.SHONA, Language.XHOSA, Language.ZULU, Language.YORUBA,
        Language.GANDA, Language.SOMALI
    };

    /**
     * What the n-gram model's choice adds to Lingua's confidence (0..1, the best language at 1) for
     * that language when they vote on a short text: it decides between close candidates and leaves
     * a clear Lingua answer alone. On the labelled set's 250 non-CJK headlines the n-gram model
     * alone was right on 245, Lingua's low-accuracy models alone on 239, the vote on 247.
     */
    private static final double NGRAM_VOTE = 0.08;

    private final LanguageDetector lingua;
    private final NgramLanguages ngrams;
    private final int sampleChars;

    /**
     * @param lowAccuracy use Lingua's trigram-only models: much less memory and time, as accurate
     *     on texts of a sentence or more, less so on a few words
     */
    public LanguageIdentifier(boolean lowAccuracy) {
        this(lowAccuracy, SAMPLE_CHARS);
    }

    LanguageIdentifier(boolean lowAccuracy, int sampleChars) {
        LanguageDetectorBuilder builder =
                LanguageDetectorBuilder.fromAllLanguagesWithout(RARE_IN_NEWS)
                        .withPreloadedLanguageModels();
        if (lowAccuracy) {
            builder = builder.withLowAccuracyMode();
        }
        this.lingua = builder.build();
        this.ngrams = NgramLanguages.shared();
        this.sampleChars = sampleChars;
    }

    /**
     * The language of a text.
     *
     * @param title a headline, or null; it counts in full
     * @param text body text, or null; its first few hundred letters count
     */
    public DetectedLanguage identify(String title, String text) {
        String sample = sample(title, text);
        DetectedLanguage byScript = ScriptRules.identify(sample);
        if (byScript != null) {
            return byScript;
        }
        int letters = letters(sample);
        if (letters == 0) {
            return new DetectedLanguage(DetectedLanguage.UNDETERMINED, 0);
        }
        DetectedLanguage byNgrams = ngrams.identify(sample);
        if (byNgrams != null
                && byNgrams.confidence() >= CONFIDENT
                && letters >= LONG_TEXT_LETTERS) {
            return byNgrams;
        }
        // A short or uncertain text: Lingua and the n-gram model vote.
        SortedMap<Language, Double> confidences = lingua.computeLanguageConfidenceValues(sample);
        String best = null;
        double bestScore = -1;
        double bestConfidence = 0;
        for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
            IsoCode639_1 iso = entry.getKey().getIsoCode639_1();
            if (iso == IsoCode639_1.NONE) {
                continue;
            }
            String code = code(iso);
            double score =
                    entry.getValue()
                            + (byNgrams != null && byNgrams.code().equals(code) ? NGRAM_VOTE : 0);
            if (score > bestScore) {
                best = code;
                bestScore = score;
                bestConfidence = entry.getValue();
            }
        }
        if (best == null) {
            return byNgrams != null
                    ? byNgrams
                    : new DetectedLanguage(DetectedLanguage.UNDETERMINED, 0);
        }
        return new DetectedLanguage(best, Math.min(1, Math.max(0, bestConfidence)));
    }

    private String sample(String title, String text) {
        StringBuilder sample = new StringBuilder(sampleChars + 200);
        if (title != null && !title.isBlank()) {
            sample.append(title).append('\n');
        }
        if (text != null && !text.isEmpty()) {
            int budget = Math.max(0, sampleChars - sample.length());
            int end = Math.min(text.length(), budget);
            while (end < text.length()
                    && end < budget + 40
                    && Character.isLetter(text.charAt(end))) {
                end++; // do not cut a word in half
            }
            sample.append(text, 0, end);
        }
        return sample.toString();
    }

    private static int letters(String sample) {
        int letters = 0;
        for (int i = 0; i < sample.length(); i++) {
            if (Character.isLetter(sample.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }

    private static String code(IsoCode639_1 iso) {
        // Lingua names Norwegian Bokmål and Nynorsk apart; readers search them as one.
        String code = iso.toString().toLowerCase(java.util.Locale.ROOT);
        return code.equals("nb") || code.equals("nn") ? "no" : code;
    }
}
