package io.vigil.crawler.page;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Scores a text against OpenNLP's language model directly: the features the model was trained on
 * (lower-cased character 1- to 3-grams of the text with digits blanked and spaces collapsed, each
 * counted once) summed into per-language weights; the best weight is the language. The same
 * arithmetic as OpenNLP's own detector without its general-purpose text normalisers and result
 * objects, which cost more than the scoring on short samples.
 */
final class NgramScorer {

    private final Map<String, Context> features;
    private final String[] languages;

    private NgramScorer(Map<String, Context> features, String[] languages) {
        this.features = features;
        this.languages = languages;
    }

    /** A scorer for the model, or null when the model is not laid out as expected. */
    @SuppressWarnings("unchecked")
    static NgramScorer of(LanguageDetectorModel model) {
        MaxentModel maxent = model.getMaxentModel();
        if (!(maxent instanceof AbstractModel abstractModel)) {
            return null;
        }
        Object[] data = abstractModel.getDataStructures();
        if (data.length < 3
                || !(data[1] instanceof Map<?, ?> map)
                || !(data[2] instanceof String[] names)) {
            return null;
        }
        return new NgramScorer((Map<String, Context>) map, names);
    }

    /** The best-scoring language code (ISO 639-3, as the model names it). */
    String best(String text) {
        String normal = normalize(text);
        Set<String> grams = new HashSet<>(normal.length() * 4);
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= normal.length(); i++) {
                grams.add(normal.substring(i, i + n));
            }
        }
        double[] score = new double[languages.length];
        for (String gram : grams) {
            Context context = features.get(gram);
            if (context != null) {
                int[] outcomes = context.getOutcomes();
                double[] parameters = context.getParameters();
                for (int j = 0; j < outcomes.length; j++) {
                    score[outcomes[j]] += parameters[j];
                }
            }
        }
        int best = 0;
        for (int j = 1; j < score.length; j++) {
            if (score[j] > score[best]) {
                best = j;
            }
        }
        return languages[best];
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
