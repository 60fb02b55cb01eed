package io.vigil.classifier.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.event.ArticleClassified.TopicRelevance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicScorerTest {

    static final TopicDefinition TOPIC =
            new TopicDefinition(
                    "t",
                    "Test topic",
                    null,
                    0.5,
                    Map.of(
                            "harvest", List.of("organ harvesting", "活摘", "强摘"),
                            "china", List.of("china", "chinese", "中国", "中共"),
                            "organ", List.of("pipe organ*", "organist*")),
                    List.of("harvest"),
                    List.of(
                            new TopicDefinition.WeightedQuery("@harvest AND @china", 1.0),
                            new TopicDefinition.WeightedQuery("@harvest", 0.6)),
                    List.of("@organ"),
                    List.of(
                            new TopicDefinition.Theme(
                                    "harvesting", null, "@harvest OR \"blood test*\"", 0.5),
                            new TopicDefinition.Theme("china", null, "@china", 0.5)));

    static TopicRelevance score(String title, String text) {
        TopicScorer scorer = new TopicScorer(TOPIC, null);
        return scorer.score(new ArticleEvidence(title, text, List.of(scorer.termSets())));
    }

    @Test
    void strongEvidenceIsRelevantWithItsThemes() {
        TopicRelevance r =
                score(
                        "Tribunal: organ harvesting in China",
                        "The tribunal found that organ harvesting from prisoners happened in"
                                + " China on a significant scale.");
        assertThat(r.relevant()).isTrue();
        assertThat(r.relevance()).isGreaterThan(0.8);
        assertThat(r.relevantThemes()).containsExactlyInAnyOrder("harvesting", "china");
    }

    @Test
    void chineseTextMatchesItsTerms() {
        TopicRelevance r = score("中共活摘器官", "报告指出，中共活摘良心犯器官。");
        assertThat(r.relevant()).isTrue();
    }

    @Test
    void aMatchInTheHeadlineCountsMore() {
        String text =
                "A long article about many things. It mentions organ harvesting once, in"
                        + " passing, among many other words that are not about the topic at all,"
                        + " and it goes on for a while about other subjects entirely.";
        assertThat(score("Organ harvesting", text).relevance())
                .isGreaterThan(score("Other news", text).relevance());
    }

    @Test
    void unrelatedOrFalseFriendsAreNotRelevant() {
        assertThat(score("Weather", "Rain is expected in the north.").relevance()).isZero();
        TopicRelevance organ =
                score(
                        "Pipe organ recital",
                        "The organist played Bach; a talk on organ harvesting followed.");
        assertThat(organ.relevant()).isFalse();
        assertThat(organ.relevance())
                .isLessThan(score("Talk", "A talk on organ harvesting followed.").relevance());
    }

    @Test
    void everyRelevanceIsBetweenZeroAndOne() {
        TopicRelevance r =
                score("organ harvesting organ harvesting", "organ harvesting ".repeat(200));
        assertThat(r.relevance()).isBetween(0.0, 1.0);
        r.themes().forEach(t -> assertThat(t.relevance()).isBetween(0.0, 1.0));
    }
}
