package io.vigil.classifier.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.testkit.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicFilesTest {

    @TempDir Path dir;

    private Path write(String id, String yaml) throws IOException {
        Path file = dir.resolve(id + ".yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theShippedTopicLoadsAndItsQueriesParse() {
        List<TopicDefinition> topics =
                TopicFiles.load(SourceTree.find(Path.of("config", "topics")));
        assertThat(topics).extracting(TopicDefinition::id).contains("china-organ-harvesting");
        TopicDefinition topic =
                topics.stream()
                        .filter(t -> t.id().equals("china-organ-harvesting"))
                        .findFirst()
                        .orElseThrow();
        assertThat(topic.themes())
                .extracting(TopicDefinition.Theme::id)
                .contains(
                        "forced-organ-harvesting",
                        "transplant-tourism",
                        "detention-camps",
                        "falun-gong",
                        "uyghurs",
                        "tibetans",
                        "christians",
                        "international-response",
                        "medical-ethics",
                        "official-denials");
        assertThat(topic.terms().get("uyghurs")).contains("xinjiang", "新疆", "shinjang");
        assertThat(topic.terms().get("falun-gong")).contains("法轮功");
        new TopicScorer(topic, null); // every query parses
    }

    @Test
    void aBadFileIsNamedWithWhatIsWrong() throws IOException {
        write("weights", "id: weights\ninclude:\n  - query: 'x'\n    weight: 3\n");
        assertThatThrownBy(() -> TopicFiles.load(dir))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("weights.yml")
                .hasMessageContaining("'weight' must be a number from 0 to 1");
    }

    @Test
    void anIdThatDiffersFromTheFileNameIsRefused() throws IOException {
        Path file = write("one", "id: two\n");
        assertThatThrownBy(() -> TopicFiles.read(file)).hasMessageContaining("differs");
    }

    @Test
    void notYaml() throws IOException {
        Path file = write("broken", "id: [unclosed\n");
        assertThatThrownBy(() -> TopicFiles.read(file)).hasMessageContaining("not readable YAML");
    }

    @Test
    void anUnknownTermSetOrABadQueryStopsTheScorer() throws IOException {
        TopicDefinition unknown =
                TopicFiles.read(write("unknown", "id: unknown\ninclude:\n  - query: '@nothing'\n"));
        assertThatThrownBy(() -> new TopicScorer(unknown, null))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("no term set named 'nothing'");
        TopicDefinition broken =
                TopicFiles.read(write("broken", "id: broken\nexclude: ['(a OR']\n"));
        assertThatThrownBy(() -> new TopicScorer(broken, null))
                .hasMessageContaining("query does not parse");
    }
}
