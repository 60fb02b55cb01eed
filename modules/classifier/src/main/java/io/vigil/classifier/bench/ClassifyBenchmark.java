package io.vigil.classifier.bench;

import io.vigil.classifier.Classifier;
import io.vigil.classifier.ClassifierSetup;
import io.vigil.classifier.language.LanguageIdentifier;
import io.vigil.classifier.topic.TopicDefinition;
import io.vigil.classifier.topic.TopicFiles;
import io.vigil.classifier.training.LabelledArticle;
import io.vigil.classifier.training.LabelledSet;
import io.vigil.core.event.ArticleClassified.DetectedLanguage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code vigil bench classify [--data DIR] [--topics DIR] [--folds N] [--seconds N]}: relevance
 * precision, recall and F1 at each topic's default threshold, cross-validated over the labelled set
 * ({@code seeds/labels}); language accuracy on the same articles; and the stage's throughput (JSON
 * in, classify, JSON out) on all cores. Last line: {@code classify: precision=… recall=… f1=…
 * language_accuracy=… articles_per_s=…}.
 */
public final class ClassifyBenchmark {

    private ClassifyBenchmark() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            options.put(args.get(i), args.get(i + 1));
        }
        Path labelsDir = Path.of(options.getOrDefault("--data", "seeds/labels"));
        Path topicsDir = Path.of(options.getOrDefault("--topics", "config/topics"));
        if (!Files.isDirectory(labelsDir) || !Files.isDirectory(topicsDir)) {
            err.println(
                    "classify bench: needs the labelled set (--data, default seeds/labels) and the"
                            + " topics (--topics, default config/topics); run it from the"
                            + " repository root");
            return 2;
        }
        int folds = Integer.parseInt(options.getOrDefault("--folds", "5"));
        double seconds = Double.parseDouble(options.getOrDefault("--seconds", "15"));

        List<LabelledArticle> labels = LabelledSet.read(labelsDir);
        List<TopicDefinition> topics = TopicFiles.load(topicsDir);
        out.printf(
                Locale.ROOT,
                "labelled set: %d articles (%d relevant) in %s; topics: %d%n",
                labels.size(),
                labels.stream().filter(LabelledArticle::relevant).count(),
                summary(labels),
                topics.size());

        CrossValidation.Result cv = CrossValidation.run(topics, labels, folds, out);
        out.printf(
                Locale.ROOT,
                "relevance (%d-fold cross-validated, default thresholds): precision=%.4f"
                        + " recall=%.4f f1=%.4f (tp=%d fp=%d fn=%d tn=%d)%n",
                folds,
                cv.precision(),
                cv.recall(),
                cv.f1(),
                cv.tp(),
                cv.fp(),
                cv.fn(),
                cv.tn());
        out.printf(
                Locale.ROOT,
                "queries and density alone (no text model): precision=%.4f recall=%.4f f1=%.4f%n",
                cv.baseline().precision(),
                cv.baseline().recall(),
                cv.baseline().f1());
        out.printf(Locale.ROOT, "themes (micro-averaged on relevant articles): %s%n", cv.themes());

        LanguageIdentifier languages = new LanguageIdentifier(true);
        int correct = 0;
        Map<String, int[]> perLanguage = new TreeMap<>();
        for (LabelledArticle a : labels) {
            DetectedLanguage detected = languages.identify(a.title(), a.text());
            boolean ok = detected.code().equals(a.language());
            correct += ok ? 1 : 0;
            int[] counts = perLanguage.computeIfAbsent(a.language(), k -> new int[2]);
            counts[0] += ok ? 1 : 0;
            counts[1]++;
            if (!ok) {
                out.printf(
                        Locale.ROOT,
                        "  language miss: %s labelled %s, detected %s (%.2f)%n",
                        a.id(),
                        a.language(),
                        detected.code(),
                        detected.confidence());
            }
        }
        double languageAccuracy = (double) correct / labels.size();
        int titlesCorrect = 0;
        for (LabelledArticle a : labels) {
            titlesCorrect +=
                    languages.identify(a.title(), null).code().equals(a.language()) ? 1 : 0;
        }
        out.printf(
                Locale.ROOT,
                "language accuracy on headlines alone (short texts): %.4f (%d/%d)%n",
                (double) titlesCorrect / labels.size(),
                titlesCorrect,
                labels.size());
        StringBuilder langs = new StringBuilder();
        perLanguage.forEach(
                (k, v) ->
                        langs.append(' ')
                                .append(k)
                                .append('=')
                                .append(v[0])
                                .append('/')
                                .append(v[1]));
        out.printf(Locale.ROOT, "language accuracy %.4f:%s%n", languageAccuracy, langs);

        Classifier classifier = ClassifierSetup.build(topicsDir, labelsDir, null, true);
        double perSecond = Throughput.measure(classifier, labels, seconds, out);

        out.printf(
                Locale.ROOT,
                "classify: precision=%.4f recall=%.4f f1=%.4f language_accuracy=%.4f"
                        + " articles_per_s=%.0f%n",
                cv.precision(),
                cv.recall(),
                cv.f1(),
                languageAccuracy,
                perSecond);
        return 0;
    }

    private static String summary(List<LabelledArticle> labels) {
        Map<String, Integer> counts = new TreeMap<>();
        labels.forEach(a -> counts.merge(String.valueOf(a.language()), 1, Integer::sum));
        return counts.toString();
    }
}
