package io.vigil.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.Articles;
import io.vigil.classifier.Classifier;
import io.vigil.classifier.ClassifierSetup;
import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.feed.Feed;
import io.vigil.core.kafka.JsonSerde;
import io.vigil.core.kafka.Topics;
import io.vigil.testkit.SourceTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTopologyTest {

    static Classifier classifier;
    static final Topics TOPICS = Topics.unprefixed();

    @TempDir Path state;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> accepted;
    TestInputTopic<String, Feed> feeds;
    TestOutputTopic<String, ArticleClassified> classified;
    TestOutputTopic<String, DeadLetter> dead;

    @BeforeAll
    static void build() {
        classifier =
                ClassifierSetup.build(
                        SourceTree.find(Path.of("config", "topics")),
                        SourceTree.find(Path.of("seeds", "labels")),
                        null,
                        true);
    }

    @BeforeEach
    void start() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "classifier-test");
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(ClassifierTopology.build(classifier, TOPICS), p);
        accepted =
                driver.createInputTopic(
                        TOPICS.articlesAccepted(),
                        Serdes.String().serializer(),
                        Serdes.ByteArray().serializer());
        feeds =
                driver.createInputTopic(
                        TOPICS.feeds(), Serdes.String().serializer(), JsonSerde.of(Feed.class));
        classified =
                driver.createOutputTopic(
                        TOPICS.articlesClassified(),
                        Serdes.String().deserializer(),
                        JsonSerde.of(ArticleClassified.class));
        dead =
                driver.createOutputTopic(
                        TOPICS.deadLetters(ClassifierTopology.STAGE),
                        Serdes.String().deserializer(),
                        JsonSerde.of(DeadLetter.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void classifiesWithTheFeedsCountry() {
        feeds.pipeInput("feed-1", Articles.feed("feed-1", "DE"));
        ArticleAccepted a =
                Articles.accepted(
                        "https://www.example.com/1",
                        "feed-1",
                        "UN experts alarmed by organ harvesting in China",
                        "UN human rights experts said they were extremely alarmed by credible"
                                + " reports of forced organ harvesting targeting detained Falun"
                                + " Gong practitioners and Uyghurs in China.");
        accepted.pipeInput(a.articleId(), JsonSerde.of(ArticleAccepted.class).serialize("", a));
        ArticleClassified c = classified.readValue();
        assertThat(c.articleId()).isEqualTo(a.articleId());
        assertThat(c.language().code()).isEqualTo("en");
        assertThat(c.outletCountry()).isEqualTo("DE");
        assertThat(c.relevantTopics()).containsExactly("china-organ-harvesting");
        assertThat(c.topics().get(0).relevantThemes()).contains("forced-organ-harvesting");
        assertThat(c.mentionedCountries()).contains("CN");
        assertThat(c.classifier()).startsWith("topics-");
        assertThat(dead.isEmpty()).isTrue();
    }

    @Test
    void withoutAFeedTheDomainGivesTheCountry() {
        ArticleAccepted a =
                Articles.accepted(
                        "https://www.example.fr/2",
                        null,
                        "Récital d'orgue à Notre-Dame",
                        "L'organiste titulaire a joué Bach et Messiaen devant un public nombreux.");
        accepted.pipeInput(a.articleId(), JsonSerde.of(ArticleAccepted.class).serialize("", a));
        ArticleClassified c = classified.readValue();
        assertThat(c.outletCountry()).isEqualTo("FR");
        assertThat(c.language().code()).isEqualTo("fr");
        assertThat(c.relevantTopics()).isEmpty();
    }

    @Test
    void unreadableRecordsBecomeDeadLettersAndTheNextArticleStillFlows() {
        accepted.pipeInput("k1", "not json".getBytes(StandardCharsets.UTF_8));
        accepted.pipeInput("k2", new byte[0]);
        ArticleAccepted a = Articles.accepted("https://x.example/3", null, "Title", "Text here.");
        accepted.pipeInput(a.articleId(), JsonSerde.of(ArticleAccepted.class).serialize("", a));
        DeadLetter first = dead.readValue();
        assertThat(first.reason()).isEqualTo("UNREADABLE_RECORD");
        assertThat(first.input()).isEqualTo("not json");
        assertThat(first.stage()).isEqualTo("classifier");
        assertThat(dead.readValue().reason()).isEqualTo("EMPTY_RECORD");
        assertThat(classified.readValue().articleId()).isEqualTo(a.articleId());
    }
}
