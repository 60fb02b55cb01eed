package io.vigil.dedup.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleAccepted.Outcome;
import io.vigil.core.event.ArticleFetched;
import io.vigil.dedup.DedupProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final List<String> WORDS = Texts.vocabulary(3000, 1);

    private final InMemoryDedupState state = new InMemoryDedupState();
    private final Fingerprinter fingerprinter =
            new Fingerprinter(DedupProperties.defaults(), state);
    private final Deduplicator deduplicator = new Deduplicator(DedupProperties.defaults(), state);
    private int clock;

    private ArticleAccepted accept(String url, String site, String text) {
        Instant t = T0.plusSeconds(60L * clock++);
        return accept(Texts.article(url, site, text, t), t.toEpochMilli());
    }

    private ArticleAccepted accept(ArticleFetched article, long now) {
        return deduplicator.accept(article, fingerprinter.fingerprint(article, now), now);
    }

    @Test
    void syndicatedCopiesFormOneStoryWithItsFirstMemberAsRepresentative() {
        String wire = Texts.story(WORDS, 6, 10);
        ArticleAccepted first = accept("https://a.example/1", "A", wire);
        ArticleAccepted second =
                accept("https://b.example/x", "B", "B News | Home | World\n\n" + wire);
        ArticleAccepted third = accept("https://c.example/y", null, wire + "\n\n© C Media");

        assertThat(first.outcome()).isEqualTo(Outcome.NEW_STORY);
        assertThat(first.storyId()).isEqualTo(first.articleId());
        assertThat(first.duplicateOf()).isNull();
        assertThat(first.similarity()).isEqualTo(1.0);
        assertThat(List.of(second, third))
                .allSatisfy(
                        a -> {
                            assertThat(a.outcome()).isEqualTo(Outcome.DUPLICATE);
                            assertThat(a.storyId()).isEqualTo(first.articleId());
                            assertThat(a.storyRepresentative()).isEqualTo(first.articleId());
                            assertThat(a.duplicateOf()).isNotNull();
                            assertThat(a.similarity()).isGreaterThan(0.8);
                        });
        assertThat(third.storyMembers()).isEqualTo(3);
        assertThat(third.storyOutlets()).containsExactly("A", "B", "c.example");
    }

    @Test
    void aTruncatedLeadJoinsByContainmentThoughItsJaccardIsLow() {
        String full = Texts.story(WORDS, 10, 20);
        ArticleAccepted original = accept("https://a.example/full", "A", full);
        String lead = String.join("\n\n", List.of(full.split("\n\n")).subList(0, 3));
        ArticleAccepted teaser = accept("https://b.example/lead", "B", lead + "\n\nRead more at A");

        assertThat(teaser.storyId()).isEqualTo(original.storyId());
        assertThat(teaser.similarity()).isGreaterThan(0.9); // containment, Jaccard is ~0.3
    }

    @Test
    void aLightlyEditedVersionJoins() {
        String text = Texts.story(WORDS, 6, 30);
        ArticleAccepted original = accept("https://a.example/1", "A", text);
        String[] words = text.split(" ");
        for (int i = 7; i < words.length; i += 25) {
            words[i] = "changed";
        }
        String edited = String.join(" ", words);
        edited = edited.substring(0, edited.lastIndexOf("\n\n")); // last paragraph dropped
        assertThat(accept("https://b.example/1", "B", edited).storyId())
                .isEqualTo(original.storyId());
    }

    @Test
    void differentStoriesOfOneOutletSharingItsFurnitureStayApart() {
        String nav = "Daily Planet | Home | Metropolis | World | Business | Sports | Opinion";
        String footer =
                "Sign up for the Daily Planet newsletter to get the top stories every morning.\n\n"
                        + "© 2026 Daily Planet Media Group. All rights reserved. This material may"
                        + " not be published, broadcast, rewritten or redistributed.\n\n"
                        + "Privacy Policy | Terms of Use | Cookie Settings | Contact Us";
        List<String> stories =
                List.of(
                        Texts.story(WORDS, 1, 41),
                        Texts.story(WORDS, 1, 42),
                        Texts.story(WORDS, 2, 43));
        java.util.Set<String> storyIds = new java.util.HashSet<>();
        int i = 0;
        for (String s : stories) {
            storyIds.add(
                    accept(
                                    "https://dailyplanet.example/" + i++,
                                    "Daily Planet",
                                    nav + "\n\n" + s + "\n\n" + footer)
                            .storyId());
        }
        assertThat(storyIds).hasSize(3);
    }

    @Test
    void storiesOnOneSubjectSharingVocabularyStayApart() {
        List<String> subject = Texts.vocabulary(120, 7); // a narrow shared vocabulary
        ArticleAccepted a = accept("https://a.example/1", "A", Texts.story(subject, 6, 51));
        ArticleAccepted b = accept("https://b.example/2", "B", Texts.story(subject, 6, 52));
        assertThat(b.storyId()).isNotEqualTo(a.storyId());
        assertThat(b.outcome()).isEqualTo(Outcome.NEW_STORY);
    }

    @Test
    void aRefetchThroughATrackingLinkUpdatesTheArticleAndKeepsItsStory() {
        String text = Texts.story(WORDS, 4, 60);
        ArticleAccepted first = accept("https://www.a.example/news/1", "A", text);
        accept("https://b.example/copy", "B", text);
        ArticleAccepted again =
                accept("https://m.a.example/news/1/?utm_source=rss&fbclid=1", "A", text + " more");

        assertThat(again.outcome()).isEqualTo(Outcome.REFETCHED);
        assertThat(again.articleId()).isEqualTo(first.articleId());
        assertThat(again.storyId()).isEqualTo(first.storyId());
        assertThat(again.storyMembers()).isEqualTo(2);
        assertThat(again.article().text()).endsWith("more");
        assertThat(state.articles()).isEqualTo(2);
    }

    @Test
    void anOlderFetchArrivingLateIsIgnored() {
        String text = Texts.story(WORDS, 3, 70);
        Instant later = T0.plusSeconds(3600);
        accept(Texts.article("https://a.example/1", "A", text, later), later.toEpochMilli());
        assertThat(
                        accept(
                                Texts.article("https://a.example/1", "A", "old text", T0),
                                later.toEpochMilli() + 1))
                .isNull();
    }

    @Test
    void tooShortTextsAreNeverMatchedByContent() {
        ArticleAccepted a = accept("https://a.example/1", "A", "Live updates");
        ArticleAccepted b = accept("https://b.example/1", "B", "Live updates");
        assertThat(b.storyId()).isNotEqualTo(a.storyId());
    }

    @Test
    void articlesPastTheHorizonAreForgotten() {
        DedupProperties settings = DedupProperties.defaults();
        String text = Texts.story(WORDS, 4, 80);
        ArticleAccepted old =
                accept(Texts.article("https://a.example/1", "A", text, T0), T0.toEpochMilli());
        Instant later = T0.plus(settings.horizon()).plus(Duration.ofHours(1));
        ArticleAccepted copy =
                accept(
                        Texts.article("https://b.example/1", "B", text, later),
                        later.toEpochMilli());
        assertThat(copy.storyId()).isNotEqualTo(old.storyId());
        assertThat(copy.outcome()).isEqualTo(Outcome.NEW_STORY);
    }
}
