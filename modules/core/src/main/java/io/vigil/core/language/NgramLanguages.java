package io.vigil.core.language;

import io.vigil.core.event.ArticleClassified.DetectedLanguage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * Apache OpenNLP's 103-language character n-gram model ({@code langdetect-183.bin}, about 10 MB,
 * loaded once), scored directly: the features the model was trained on (lower-cased character 1- to
 * 3-grams of the text with digits blanked and spaces collapsed, each counted once) summed into
 * per-language weights, and a softmax over them for the confidence. The same arithmetic as
 * OpenNLP's own detector without its general-purpose regex normalisers and result objects, which
 * cost several times more than the scoring. Fast and reliable once a text has a sentence or two;
 * the crawler takes a first guess with it and the classifier uses it for long texts. Thread-safe.
 */
public final class NgramLanguages {

    private static final String MODEL = "/langdetect-183.bin";
    private static final Map<String, String> TO_ISO_639_1 = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            TO_ISO_639_1.put(Locale.forLanguageTag(two).getISO3Language(), two);
        }
        // The model names individual languages where ISO 639-1 has the macrolanguage.
        String[][] individual = {
            {"cmn", "zh"}, {"nob", "no"}, {"nno", "no"}, {"pes", "fa"}, {"zlm", "ms"},
            {"zsm", "ms"}, {"ekk", "et"}, {"lvs", "lv"}, {"swh", "sw"}, {"uzn", "uz"},
            {"azj", "az"}, {"khk", "mn"}, {"npi", "ne"}, {"ory", "or"}, {"plt", "mg"},
            {"arb", "ar"}, {"ydd", "yi"}, {"gug", "gn"}, {"quz", "qu"}
        };
        for (String[] pair : individual) {
            TO_ISO_639_1.put(pair[0], pair[1]);
        }
    }

    private static final class Holder {
        static final NgramLanguages INSTANCE = load();
    }

    private final Map<String, Context> features;
    private final String[] languages;

    private NgramLanguages(Map<String, Context> features, String[] languages) {
        this.features = features;
        this.languages = languages;
    }

    /** The model, loaded on first use. */
    public static NgramLanguages shared() {
        return Holder.INSTANCE;
    }

    @SuppressWarnings("unchecked")
    private static NgramLanguages load() {
        LanguageDetectorModel model;
        try (InputStream in = NgramLanguages.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL + " not on classpath");
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load language model " + MODEL, e);
        }
        if (!(model.getMaxentModel() instanceof AbstractModel abstractModel)) {
            throw new IllegalStateException("language model " + MODEL + " is not a maxent model");
        }
        Object[] data = abstractModel.getDataStructures();
        if (data.length < 3
                || !(data[1] instanceof Map<?, ?> map)
                || !(data[2] instanceof String[] names)) {
            throw new IllegalStateException("language model " + MODEL + " has an unknown layout");
        }
        return new NgramLanguages((Map<String, Context>) map, names);
    }

    /**
     * The most probable language of a sample and the model's probability for it, or null when no
     * n-gram of the sample is known to the model.
     */
    public DetectedLanguage identify(String sample) {
        String normal = normalize(sample);
        Set<String> grams = new HashSet<>(normal.length() * 4);
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= normal.length(); i++) {
                grams.add(normal.substring(i, i + n));
            }
        }
        double[] score = new double[languages.length];
        boolean any = false;
        for (String gram : grams) {
            Context context = features.get(gram);
            if (context != null) {
                any = true;
                int[] outcomes = context.getOutcomes();
                double[] parameters = context.getParameters();
                for (int j = 0; j < outcomes.length; j++) {
                    score[outcomes[j]] += parameters[j];
                }
            }
        }
        if (!any) {
            return null;
        }
        int best = 0;
        for (int j = 1; j < score.length; j++) {
            if (score[j] > score[best]) {
                best = j;
            }
        }
        double sum = 0;
        for (double s : score) {
            sum += Math.exp(s - score[best]);
        }
        String code = TO_ISO_639_1.getOrDefault(languages[best], languages[best]);
        return new DetectedLanguage(code, 1 / sum);
    }

    /** Lower case, digits blanked, whitespace runs collapsed to one space, trimmed. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isDigit(c) || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
