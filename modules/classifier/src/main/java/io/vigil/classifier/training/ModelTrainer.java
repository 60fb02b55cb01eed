package io.vigil.classifier.training;

import io.vigil.classifier.model.TextModel;
import io.vigil.classifier.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;

/** Trains a topic's text model from labelled articles. */
public final class ModelTrainer {

    private ModelTrainer() {}

    /** The tokens a labelled article is trained on (and an article is scored on). */
    public static List<String> tokens(String title, String text) {
        return TextAnalyzer.INSTANCE.tokens(title + "\n\n" + text);
    }

    /**
     * The topic's model, or null when the set has no labels of both kinds for it.
     *
     * @param topic the topic id
     * @param labels the labelled articles (of any topics), in a fixed order
     */
    public static TextModel train(String topic, List<LabelledArticle> labels) {
        List<TextModel.Sample> samples = new ArrayList<>();
        for (LabelledArticle a : labels) {
            if (a.topic().equals(topic)) {
                samples.add(new TextModel.Sample(tokens(a.title(), a.text()), a.relevant()));
            }
        }
        long relevant = samples.stream().filter(TextModel.Sample::relevant).count();
        if (relevant == 0 || relevant == samples.size()) {
            return null;
        }
        return TextModel.train(samples);
    }
}
