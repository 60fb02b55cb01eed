package io.vigil.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.classifier.Articles;
import io.vigil.classifier.Classifier;
import io.vigil.classifier.ClassifierProperties;
import io.vigil.classifier.ClassifierSetup;
import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.feed.Feed;
import io.vigil.core.kafka.Topics;
import io.vigil.testkit.SourceTree;
import io.vigil.testkit.TestNamespace;
import io.vigil.testkit.TopicReader;
import io.vigil.testkit.TopicWriter;
import io.vigil.testkit.VigilStack;
import io.vigil.testkit.VigilStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stage on the real broker: classified output with the feed's country, dead letters. */
@ExtendWith(VigilStackExtension.class)
class ClassifierStreamsIT {

    @Test
    void classifiesAcceptedArticlesAndTurnsGarbageIntoDeadLetters(
            VigilStack stack, TestNamespace ns) throws InterruptedException {
        Topics topics = new Topics(ns.prefix());
        ns.createTopics(
                3,
                topics.feeds(),
                topics.articlesAccepted(),
                topics.articlesClassified(),
                topics.deadLetters(ClassifierTopology.STAGE));
        TopicWriter.write(
                stack,
                topics.feeds(),
                Feed.class,
                List.of(Articles.feed("hk-feed", "HK")),
                Feed::id,
                null);
        Classifier classifier =
                ClassifierSetup.build(
                        SourceTree.find(Path.of("config", "topics")),
                        SourceTree.find(Path.of("seeds", "labels")),
                        null,
                        true);
        ClassifierProperties settings =
                ClassifierProperties.defaults()
                        .withApplication(
                                ns.prefix() + "classifier",
                                Path.of("target", "classifier-it-state", ns.prefix())
                                        .toAbsolutePath());
        ClassifierStreams streams =
                new ClassifierStreams(
                        settings,
                        classifier,
                        topics,
                        List.of(stack.kafkaBootstrapServers()),
                        Map.of());
        streams.start();
        try (TopicReader<ArticleClassified> out =
                        new TopicReader<>(
                                stack, topics.articlesClassified(), ArticleClassified.class);
                TopicReader<DeadLetter> dead =
                        new TopicReader<>(
                                stack,
                                topics.deadLetters(ClassifierTopology.STAGE),
                                DeadLetter.class)) {
            awaitRunning(streams);
            ArticleAccepted onTopic =
                    Articles.accepted(
                            "https://news.example.com/a",
                            "hk-feed",
                            "法轮功学员遭活摘器官 联合国专家表示震惊",
                            "联合国人权专家表示，他们收到可信信息，指中国被拘押的法轮功学员、维吾尔人、" + "藏人和基督徒遭强制验血和器官检查，并被强制摘取器官。");
            ArticleAccepted offTopic =
                    Articles.accepted(
                            "https://news.example.com/b",
                            null,
                            "Bach at the cathedral: an organ recital",
                            "The cathedral organist played the Passacaglia in C minor to a full"
                                    + " nave on Sunday evening.");
            TopicWriter.write(
                    stack,
                    topics.articlesAccepted(),
                    ArticleAccepted.class,
                    List.of(onTopic, offTopic),
                    ArticleAccepted::articleId,
                    null);
            TopicWriter.writeRaw(stack, topics.articlesAccepted(), "junk", "{\"schema\": 1,");

            Map<String, ArticleClassified> byId = new LinkedHashMap<>();
            out.await(2).forEach(c -> byId.put(c.articleId(), c));
            ArticleClassified zh = byId.get(onTopic.articleId());
            assertThat(zh.language().code()).isEqualTo("zh");
            assertThat(zh.outletCountry()).isEqualTo("HK");
            assertThat(zh.relevantTopics()).containsExactly("china-organ-harvesting");
            assertThat(zh.topics().get(0).relevantThemes())
                    .contains("forced-organ-harvesting", "falun-gong");
            assertThat(zh.mentionedCountries()).contains("CN");
            ArticleClassified en = byId.get(offTopic.articleId());
            assertThat(en.relevantTopics()).isEmpty();
            assertThat(en.outletCountry()).isNull();

            DeadLetter letter = dead.await(1).get(0);
            assertThat(letter.reason()).isEqualTo("UNREADABLE_RECORD");
            assertThat(letter.key()).isEqualTo("junk");
            out.expectNoMore(Duration.ofSeconds(2));
        } finally {
            streams.stop();
        }
    }

    private static void awaitRunning(ClassifierStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
}
