package io.vigil.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleAccepted.Outcome;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.event.DeadLetter;
import io.vigil.core.kafka.Topics;
import io.vigil.core.url.ArticleIds;
import io.vigil.dedup.DedupProperties;
import io.vigil.testkit.TestNamespace;
import io.vigil.testkit.TopicReader;
import io.vigil.testkit.TopicWriter;
import io.vigil.testkit.VigilStack;
import io.vigil.testkit.VigilStackExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stage on the real broker: exactly-once across a restart, re-fetches, dead letters. */
@ExtendWith(VigilStackExtension.class)
class DedupStreamsIT {

    private static final String WIRE =
            "GENEVA (Wire) — A United Nations panel said on Monday that it had documented"
                    + " hundreds of cases of arbitrary detention in the region over the past year,"
                    + " and called on the authorities to release those held without charge.\n\n"
                    + "The panel's report, based on interviews with more than 200 former detainees"
                    + " and their relatives, describes overcrowded facilities, denial of access to"
                    + " lawyers and families, and at least a dozen deaths in custody.\n\n"
                    + "A government spokesman rejected the findings as politically motivated and"
                    + " said all detainees had been treated in accordance with national law.\n\n"
                    + "The panel will present its conclusions to the Human Rights Council in"
                    + " Geneva next month, when member states are expected to debate a resolution"
                    + " on the situation.";

    private static final List<String> OUTLETS =
            List.of("daily-news", "the-courier", "metro-post", "evening-star", "city-herald");

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void fiveSyndicatedCopiesAreOneStoryAcrossARestart(VigilStack stack, TestNamespace ns) {
        Topics topics = new Topics(ns.prefix() + "restart.");
        ns.createTopics(
                3,
                topics.articlesFetched(),
                topics.articlesAccepted(),
                topics.deadLetters("dedup"));
        DedupProperties settings =
                DedupProperties.defaults()
                        .withApplication(ns.prefix() + "dedup-restart", stateDir(ns, "restart"));
        List<String> ids = new ArrayList<>();
        List<ArticleFetched> copies = new ArrayList<>();
        for (int i = 0; i < OUTLETS.size(); i++) {
            copies.add(copy(i, Instant.parse("2026-11-20T08:00:00Z").plusSeconds(i * 60L)));
            ids.add(copies.get(i).articleId());
        }

        try (TopicReader<ArticleAccepted> accepted =
                new TopicReader<>(stack, topics.articlesAccepted(), ArticleAccepted.class)) {
            DedupStreams first = streams(stack, settings, topics);
            produce(stack, topics, copies.subList(0, 3));
            List<ArticleAccepted> before = accepted.await(3);
            first.stop();

            DedupStreams second = streams(stack, settings, topics);
            produce(stack, topics, copies.subList(3, 5));
            List<ArticleAccepted> after = accepted.await(2);
            accepted.expectNoMore(Duration.ofSeconds(3));
            second.stop();

            List<ArticleAccepted> all = new ArrayList<>(before);
            all.addAll(after);
            // exactly one output per input article, all in one story
            assertThat(all)
                    .extracting(ArticleAccepted::articleId)
                    .containsExactlyInAnyOrderElementsOf(ids);
            List<ArticleAccepted> representatives =
                    all.stream().filter(a -> a.outcome() == Outcome.NEW_STORY).toList();
            assertThat(representatives).hasSize(1);
            String storyId = representatives.get(0).articleId();
            assertThat(ids.subList(0, 3)).contains(storyId);
            assertThat(new HashSet<>(all.stream().map(ArticleAccepted::storyId).toList()))
                    .containsExactly(storyId);
            assertThat(all)
                    .extracting(ArticleAccepted::storyMembers)
                    .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            ArticleAccepted last =
                    all.stream().filter(a -> a.storyMembers() == 5).findFirst().orElseThrow();
            assertThat(last.storyOutlets()).containsExactlyInAnyOrderElementsOf(OUTLETS);
            assertThat(all)
                    .filteredOn(a -> a.outcome() == Outcome.DUPLICATE)
                    .hasSize(4)
                    .allSatisfy(a -> assertThat(a.duplicateOf()).isIn(ids));
        }
    }

    @Test
    void aRefetchWithTrackingParametersIsNoSecondArticleAndBadInputIsADeadLetter(
            VigilStack stack, TestNamespace ns) {
        Topics topics = new Topics(ns.prefix() + "refetch.");
        ns.createTopics(
                3,
                topics.articlesFetched(),
                topics.articlesAccepted(),
                topics.deadLetters("dedup"));
        DedupProperties settings =
                DedupProperties.defaults()
                        .withApplication(ns.prefix() + "dedup-refetch", stateDir(ns, "refetch"));
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        ArticleFetched original = copy(0, t);
        ArticleFetched refetch =
                withUrl(
                        original,
                        URI.create(original.url() + "?utm_source=twitter&utm_medium=social"),
                        t.plusSeconds(600));

        try (TopicReader<ArticleAccepted> accepted =
                        new TopicReader<>(stack, topics.articlesAccepted(), ArticleAccepted.class);
                TopicReader<DeadLetter> dead =
                        new TopicReader<>(stack, topics.deadLetters("dedup"), DeadLetter.class)) {
            DedupStreams streams = streams(stack, settings, topics);
            produce(stack, topics, List.of(original, refetch));
            TopicWriter.writeRaw(
                    stack, topics.articlesFetched(), "broken", "{\"schema\": 1, \"url\": ");
            List<ArticleAccepted> out = accepted.await(2);
            List<DeadLetter> letters = dead.await(1);
            accepted.expectNoMore(Duration.ofSeconds(2));
            streams.stop();

            assertThat(out)
                    .extracting(ArticleAccepted::articleId)
                    .containsOnly(original.articleId());
            assertThat(out)
                    .extracting(ArticleAccepted::outcome)
                    .containsExactly(Outcome.NEW_STORY, Outcome.REFETCHED);
            assertThat(out.get(1).storyMembers()).isEqualTo(1);
            assertThat(letters.get(0).reason()).isEqualTo("UNREADABLE_RECORD");
            assertThat(letters.get(0).key()).isEqualTo("broken");
        }
    }

    private static Path stateDir(TestNamespace ns, String name) {
        return Path.of("target", "dedup-it-state", ns.prefix() + name).toAbsolutePath();
    }

    /** Starts the stage and waits until it runs. */
    private static DedupStreams streams(VigilStack stack, DedupProperties settings, Topics topics) {
        DedupStreams streams =
                new DedupStreams(
                        settings, topics, List.of(stack.kafkaBootstrapServers()), Map.of());
        streams.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        return streams;
    }

    private static ArticleFetched copy(int i, Instant fetchedAt) {
        String outlet = OUTLETS.get(i);
        URI url =
                URI.create(
                        "https://www."
                                + outlet
                                + ".example/world/2026/11/20/un-panel-detentions-"
                                + i);
        String text =
                outlet.toUpperCase(java.util.Locale.ROOT)
                        + " | Home | World | Politics\n\n"
                        + WIRE
                        + "\n\n© 2026 "
                        + outlet;
        return withUrl(
                new ArticleFetched(
                        ArticleFetched.SCHEMA,
                        ArticleIds.of(url),
                        "feed-" + outlet,
                        url,
                        url,
                        url,
                        "UN panel documents detentions",
                        text,
                        List.of("Wire"),
                        fetchedAt,
                        null,
                        "en",
                        null,
                        null,
                        outlet,
                        null,
                        List.of(),
                        null,
                        null,
                        new ArticleFetched.Fetch(200, "text/html", text.length(), fetchedAt, null)),
                url,
                fetchedAt);
    }

    private static ArticleFetched withUrl(ArticleFetched a, URI url, Instant fetchedAt) {
        return new ArticleFetched(
                a.schema(),
                ArticleIds.of(url),
                a.feedId(),
                url,
                url,
                url,
                a.title(),
                a.text(),
                a.authors(),
                a.published(),
                a.modified(),
                a.language(),
                a.declaredLanguage(),
                a.leadImage(),
                a.siteName(),
                a.description(),
                a.links(),
                a.access(),
                a.feedSummary(),
                new ArticleFetched.Fetch(200, "text/html", a.text().length(), fetchedAt, null));
    }

    private static void produce(VigilStack stack, Topics topics, List<ArticleFetched> articles) {
        TopicWriter.write(
                stack,
                topics.articlesFetched(),
                ArticleFetched.class,
                articles,
                ArticleFetched::articleId,
                a -> a.fetch().fetchedAt().toEpochMilli());
    }
}
