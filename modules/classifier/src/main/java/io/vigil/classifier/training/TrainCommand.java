package io.vigil.classifier.training;

import io.vigil.classifier.model.TextModel;
import io.vigil.classifier.topic.TopicDefinition;
import io.vigil.classifier.topic.TopicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vigil train [--topics DIR] [--data DIR] [--out DIR] [--feedback-from BOOTSTRAP]
 * [--feedback-topic NAME]}: trains every topic's text model from the labelled set, plus the
 * analysts' feedback when a Kafka address is given, and writes {@code <out>/<topic>.bin}. The
 * classifier loads these at its next start. Reproducible: the same labels and feedback give the
 * same model; the command prints a digest of each model's weights to show it.
 */
public final class TrainCommand {

    private TrainCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || i + 1 >= args.size()) {
                err.println("train: unexpected argument '" + arg + "'");
                return 2;
            }
            options.put(arg, args.get(++i));
        }
        Path topicsDir = Path.of(options.getOrDefault("--topics", "config/topics"));
        Path labelsDir = Path.of(options.getOrDefault("--data", "seeds/labels"));
        Path outDir = Path.of(options.getOrDefault("--out", "data/models"));
        List<TopicDefinition> topics;
        List<LabelledArticle> labels;
        try {
            topics = TopicFiles.load(topicsDir);
            labels = new ArrayList<>(LabelledSet.read(labelsDir));
        } catch (RuntimeException e) {
            err.println("train: " + e.getMessage());
            return 1;
        }
        String bootstrap = options.get("--feedback-from");
        if (bootstrap != null) {
            String topic = options.getOrDefault("--feedback-topic", "vigil.relevance-feedback");
            List<LabelledArticle> feedback = FeedbackReader.read(bootstrap, topic);
            out.printf(Locale.ROOT, "feedback: %d judgements from %s%n", feedback.size(), topic);
            labels.addAll(feedback);
        }
        try {
            Files.createDirectories(outDir);
            for (TopicDefinition topic : topics) {
                long relevant =
                        labels.stream()
                                .filter(a -> a.topic().equals(topic.id()) && a.relevant())
                                .count();
                long all = labels.stream().filter(a -> a.topic().equals(topic.id())).count();
                TextModel model = ModelTrainer.train(topic.id(), labels);
                if (model == null) {
                    out.printf(
                            Locale.ROOT,
                            "%s: not trained (%d labelled, %d relevant: needs both kinds)%n",
                            topic.id(),
                            all,
                            relevant);
                    continue;
                }
                Path file = outDir.resolve(topic.id() + ".bin");
                Files.write(file, model.toBytes());
                out.printf(
                        Locale.ROOT,
                        "%s: trained on %d articles (%d relevant), weights sha256 %s -> %s%n",
                        topic.id(),
                        all,
                        relevant,
                        digest(model),
                        file);
            }
        } catch (IOException e) {
            err.println("train: cannot write models to " + outDir + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** A digest of what the model computes: its probabilities over a fixed probe. */
    static String digest(TextModel model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(
                    model.weightsFingerprint().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
