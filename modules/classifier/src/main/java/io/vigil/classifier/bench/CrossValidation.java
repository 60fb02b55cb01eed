package io.vigil.classifier.bench;

import io.vigil.classifier.model.TextModel;
import io.vigil.classifier.topic.ArticleEvidence;
import io.vigil.classifier.topic.TopicDefinition;
import io.vigil.classifier.topic.TopicScorer;
import io.vigil.classifier.training.LabelledArticle;
import io.vigil.classifier.training.ModelTrainer;
import io.vigil.core.event.ArticleClassified.TopicRelevance;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * k-fold cross-validation of topic relevance: the text model is trained on k-1 folds and the
 * held-out fold is scored with it; folds are assigned from the article id's hash, so a run is
 * reproducible.
 */
final class CrossValidation {

    record Counts(int tp, int fp, int fn, int tn) {
        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    record Result(Counts model, Counts baseline, String themes) {
        int tp() {
            return model.tp();
        }

        int fp() {
            return model.fp();
        }

        int fn() {
            return model.fn();
        }

        int tn() {
            return model.tn();
        }

        double precision() {
            return model.precision();
        }

        double recall() {
            return model.recall();
        }

        double f1() {
            return model.f1();
        }
    }

    private CrossValidation() {}

    static Result run(
            List<TopicDefinition> topics,
            List<LabelledArticle> labels,
            int folds,
            PrintStream out) {
        int[] m = new int[4];
        int[] b = new int[4];
        int[] t = new int[3]; // theme tp, fp, fn
        for (TopicDefinition topic : topics) {
            TopicScorer baseline = new TopicScorer(topic, null);
            for (int fold = 0; fold < folds; fold++) {
                List<LabelledArticle> train = new ArrayList<>();
                List<LabelledArticle> test = new ArrayList<>();
                for (LabelledArticle a : labels) {
                    if (!a.topic().equals(topic.id())) {
                        continue;
                    }
                    (Math.floorMod(a.id().hashCode(), folds) == fold ? test : train).add(a);
                }
                TextModel model = ModelTrainer.train(topic.id(), train);
                TopicScorer scorer = new TopicScorer(topic, model);
                for (LabelledArticle a : test) {
                    ArticleEvidence evidence =
                            new ArticleEvidence(a.title(), a.text(), List.of(scorer.termSets()));
                    TopicRelevance r = scorer.score(evidence);
                    count(m, r.relevant(), a.relevant());
                    if (r.relevant() != a.relevant()) {
                        out.printf(
                                Locale.ROOT,
                                "  %s: %s labelled %s, scored %.3f: %s%n",
                                r.relevant() ? "false positive" : "false negative",
                                a.id(),
                                a.relevant(),
                                r.relevance(),
                                abbreviate(a.title()));
                    }
                    count(b, baseline.score(evidence).relevant(), a.relevant());
                    if (a.relevant()) {
                        Set<String> predicted = new HashSet<>(r.relevantThemes());
                        for (String theme : predicted) {
                            t[a.themes().contains(theme) ? 0 : 1]++;
                        }
                        for (String theme : a.themes()) {
                            if (!predicted.contains(theme)) {
                                t[2]++;
                            }
                        }
                    }
                }
            }
        }
        Counts themes = new Counts(t[0], t[1], t[2], 0);
        String themeSummary =
                String.format(
                        Locale.ROOT,
                        "precision=%.4f recall=%.4f f1=%.4f",
                        themes.precision(),
                        themes.recall(),
                        themes.f1());
        return new Result(
                new Counts(m[0], m[1], m[2], m[3]),
                new Counts(b[0], b[1], b[2], b[3]),
                themeSummary);
    }

    private static void count(int[] c, boolean predicted, boolean actual) {
        c[predicted ? (actual ? 0 : 1) : (actual ? 2 : 3)]++;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
