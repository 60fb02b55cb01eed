package io.vigil.classifier;

import io.vigil.classifier.language.LanguageIdentifier;
import io.vigil.classifier.model.TextModel;
import io.vigil.classifier.place.Gazetteer;
import io.vigil.classifier.topic.TopicDefinition;
import io.vigil.classifier.topic.TopicFiles;
import io.vigil.classifier.topic.TopicScorer;
import io.vigil.classifier.training.LabelledArticle;
import io.vigil.classifier.training.LabelledSet;
import io.vigil.classifier.training.ModelTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Classifier} from the topic files, the trained models and the labelled set: a
 * topic's model is read from {@code <models>/<topic>.bin} (written by {@code vigil train}) when
 * present, else trained from the labelled set at start-up (deterministic, under a second).
 */
public final class ClassifierSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierSetup.class);

    private ClassifierSetup() {}

    /**
     * @param topicsDir {@code config/topics}
     * @param labelsDir {@code seeds/labels}, or null
     * @param modelsDir where {@code vigil train} writes models, or null
     */
    public static Classifier build(
            Path topicsDir, Path labelsDir, Path modelsDir, boolean lowAccuracyLanguages) {
        List<TopicDefinition> definitions = TopicFiles.load(topicsDir);
        List<LabelledArticle> labels =
                labelsDir != null && Files.isDirectory(labelsDir)
                        ? LabelledSet.read(labelsDir)
                        : List.of();
        MessageDigest digest = sha256();
        List<TopicScorer> scorers = new ArrayList<>();
        for (TopicDefinition topic : definitions) {
            digest.update(readAll(topicsDir.resolve(topic.id() + ".yml")));
            TextModel model = null;
            Path stored = modelsDir == null ? null : modelsDir.resolve(topic.id() + ".bin");
            if (stored != null && Files.isRegularFile(stored)) {
                byte[] bytes = readAll(stored);
                digest.update(bytes);
                model = TextModel.fromBytes(bytes);
                LOG.info("Topic {}: text model from {}", topic.id(), stored);
            } else {
                model = ModelTrainer.train(topic.id(), labels);
                for (LabelledArticle a : labels) {
                    if (a.topic().equals(topic.id())) {
                        digest.update(a.id().getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) (a.relevant() ? 1 : 0));
                    }
                }
                LOG.info(
                        "Topic {}: {}",
                        topic.id(),
                        model == null
                                ? "no labelled set, scoring by queries and density only"
                                : "text model trained from the labelled set");
            }
            scorers.add(new TopicScorer(topic, model));
        }
        String version = "topics-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        return new Classifier(
                new LanguageIdentifier(lowAccuracyLanguages),
                scorers,
                Gazetteer.load(),
                version,
                Clock.systemUTC());
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
