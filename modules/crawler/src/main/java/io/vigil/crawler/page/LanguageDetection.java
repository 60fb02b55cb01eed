package io.vigil.crawler.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects the language of a text with OpenNLP's 103-language model (loaded once, about 10 MB), on a
 * bounded prefix for speed. Answers BCP 47 tags ("en", "zh"), or null for too little text.
 */
final class LanguageDetection {

    /** Characters of text the detector looks at. */
    static final int PREFIX = 160;

    private static final int MIN_LETTERS = 20;
    private static final String MODEL = "/langdetect-183.bin";
    private static final Map<String, String> TO_BCP47 = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            TO_BCP47.put(Locale.forLanguageTag(two).getISO3Language(), two);
        }
        String[][] macro = {
            {"cmn", "zh"}, {"nob", "nb"}, {"nno", "nn"}, {"pes", "fa"}, {"zlm", "ms"},
            {"zsm", "ms"}, {"ekk", "et"}, {"lvs", "lv"}, {"swh", "sw"}, {"uzn", "uz"},
            {"azj", "az"}, {"khk", "mn"}, {"npi", "ne"}, {"ory", "or"}, {"plt", "mg"},
            {"arb", "ar"}, {"ydd", "yi"}, {"gug", "gn"}, {"quz", "qu"}
        };
        for (String[] pair : macro) {
            TO_BCP47.put(pair[0], pair[1]);
        }
    }

    private static final class Holder {
        static final LanguageDetectorModel MODEL_INSTANCE = load();
        static final NgramScorer SCORER = NgramScorer.of(MODEL_INSTANCE);
    }

    private static final ThreadLocal<LanguageDetectorME> DETECTOR =
            ThreadLocal.withInitial(() -> new LanguageDetectorME(Holder.MODEL_INSTANCE));

    private LanguageDetection() {}

    private static LanguageDetectorModel load() {
        try (InputStream in = LanguageDetection.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL + " not on classpath");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load language model " + MODEL, e);
        }
    }

    /** The text's language as a BCP 47 tag, or null when there is too little text. */
    static String detect(String text) {
        String sample = text.length() > PREFIX ? text.substring(0, PREFIX) : text;
        int letters = 0;
        for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(sample.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return null;
        }
        String code =
                Holder.SCORER != null
                        ? Holder.SCORER.best(sample)
                        : DETECTOR.get().predictLanguage(sample).getLang();
        return TO_BCP47.getOrDefault(code, code);
    }
}
