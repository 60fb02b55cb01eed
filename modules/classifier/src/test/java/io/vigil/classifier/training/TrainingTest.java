package io.vigil.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.classifier.model.TextModel;
import io.vigil.testkit.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {

    static final Path LABELS = SourceTree.find(Path.of("seeds", "labels"));

    @Test
    void theLabelledSetIsLargeBalancedAndMultilingual() {
        List<LabelledArticle> labels = LabelledSet.read(LABELS);
        assertThat(labels).hasSizeGreaterThanOrEqualTo(300);
        long relevant = labels.stream().filter(LabelledArticle::relevant).count();
        assertThat(relevant).isBetween(100L, labels.size() - 100L);
        Map<String, Long> byLanguage =
                labels.stream()
                        .filter(LabelledArticle::relevant)
                        .collect(
                                Collectors.groupingBy(
                                        LabelledArticle::language, Collectors.counting()));
        assertThat(byLanguage.keySet()).contains("en", "zh", "ru", "ja", "ko", "ug", "de", "fr");
        labels.forEach(
                a -> {
                    assertThat(a.title()).as(a.id()).isNotBlank();
                    assertThat(a.text()).as(a.id()).isNotBlank();
                    assertThat(a.relevant() || a.themes().isEmpty()).as(a.id()).isTrue();
                });
        Set<String> themes =
                labels.stream().flatMap(a -> a.themes().stream()).collect(Collectors.toSet());
        assertThat(themes).hasSize(10);
    }

    @Test
    void trainingIsReproducible() {
        List<LabelledArticle> labels = LabelledSet.read(LABELS);
        TextModel a = ModelTrainer.train("china-organ-harvesting", labels);
        TextModel b = ModelTrainer.train("china-organ-harvesting", labels);
        assertThat(a.weightsFingerprint()).isEqualTo(b.weightsFingerprint());
        assertThat(TextModel.fromBytes(a.toBytes()).weightsFingerprint())
                .isEqualTo(a.weightsFingerprint());
        List<String> tokens = ModelTrainer.tokens("Forced organ harvesting", "in China");
        assertThat(a.relevance(tokens)).isEqualTo(b.relevance(tokens)).isGreaterThan(0.5);
    }

    @Test
    void aTopicWithoutBothKindsOfLabelsHasNoModel() {
        assertThat(ModelTrainer.train("no-such-topic", LabelledSet.read(LABELS))).isNull();
    }

    @Test
    void aMalformedLineIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("bad.jsonl"),
                "{\"id\":\"a\",\"topic\":\"t\",\"relevant\":true}\n{oops\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledSet.read(dir)).hasMessageContaining("bad.jsonl:2");
    }
}
