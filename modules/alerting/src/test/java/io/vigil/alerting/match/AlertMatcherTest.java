package io.vigil.alerting.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.alert.Alert;
import io.vigil.core.event.ArticleClassified;
import io.vigil.testkit.ClassifiedArticles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitor on the project's Lucene core: queries, the languages' analyzers, filters, state. */
class AlertMatcherTest {

    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    final AlertMatcher matcher = new AlertMatcher();

    static Alert alert(String id, String query) {
        return alert(id, query, Alert.Filters.NONE);
    }

    static Alert alert(String id, String query, Alert.Filters filters) {
        return new Alert(
                Alert.SCHEMA,
                id,
                "ngo@example.org",
                id,
                query,
                filters,
                null,
                false,
                null,
                NOW,
                null);
    }

    static final ArticleClassified ENGLISH =
            ClassifiedArticles.article("https://wire.example/organs")
                    .site("Wire")
                    .title("Tribunal finds forced organ harvesting continues")
                    .text(
                            "An independent tribunal in London found that prisoners of conscience"
                                    + " were killed for their organs.")
                    .topic("organ-harvesting", 0.9, "forced-harvesting")
                    .countries("CN", "GB")
                    .build();

    static final ArticleClassified CHINESE =
            ClassifiedArticles.article("https://zh.example/a")
                    .site("中文新闻")
                    .title("独立法庭：强制摘取器官仍在继续")
                    .text("独立法庭认定，强制摘取良心犯器官的做法仍在继续。")
                    .language("zh")
                    .topic("organ-harvesting", 0.8)
                    .build();

    @AfterEach
    void close() {
        matcher.close();
    }

    @Test
    void matchesQueriesLikeTheSearchApi() {
        matcher.upsert(
                List.of(
                        alert("and", "organ tribunal"),
                        alert("stemmed", "harvested"),
                        alert("phrase", "\"forced organ harvesting\""),
                        alert("phrase-miss", "\"organ forced\""),
                        alert("or", "tribunal OR parliament"),
                        alert("not", "tribunal -london"),
                        alert("wildcard", "consci*"),
                        alert("field", "title:prisoners"),
                        alert("zh-word", "器官"),
                        alert("zh-chars", "摘取器官"),
                        alert("keyword", "language:zh"),
                        alert("fuzzy", "tribuna~")));
        assertThat(matcher.matchQueries(ENGLISH))
                .containsExactlyInAnyOrder("and", "stemmed", "phrase", "or", "wildcard", "fuzzy");
        assertThat(matcher.matchQueries(CHINESE))
                .containsExactlyInAnyOrder("zh-word", "zh-chars", "keyword");
    }

    @Test
    void backFilledArticlesRaiseNoAlerts() {
        matcher.upsert(List.of(alert("and", "organ tribunal")));
        ArticleClassified imported =
                ClassifiedArticles.article("https://wire.example/organs-2019")
                        .title("Tribunal finds forced organ harvesting continues")
                        .text("An independent tribunal in London found organ harvesting.")
                        .backfill()
                        .build();
        assertThat(matcher.matchQueries(imported)).containsExactly("and");
        assertThat(matcher.match(imported, NOW)).isEmpty();
        assertThat(matcher.match(ENGLISH, NOW)).extracting(Alert::id).containsExactly("and");
    }

    @Test
    void aQueryThatDoesNotParseIsLeftOutAndTheOthersRun() {
        matcher.upsert(List.of(alert("bad", "organ AND (tribunal"), alert("good", "organ")));
        assertThat(matcher.rejected()).containsKey("bad");
        assertThat(matcher.matchQueries(ENGLISH)).containsExactly("good");
        matcher.upsert(List.of(alert("bad", "*organ")));
        assertThat(matcher.rejected()).containsKey("bad");
    }

    @Test
    void filtersAndStateDecideAfterTheQuery() {
        matcher.upsert(
                List.of(
                        alert("any", "tribunal"),
                        alert("lang", "tribunal", filters(List.of("fr"), null, null, null, null)),
                        alert(
                                "outlet",
                                "tribunal",
                                filters(null, List.of("WIRE.example"), null, null, null)),
                        alert(
                                "country",
                                "tribunal",
                                filters(null, null, List.of("gb"), null, null)),
                        alert(
                                "topic",
                                "tribunal",
                                filters(null, null, null, List.of("organ-harvesting"), null)),
                        alert("relevance", "tribunal", filters(null, null, null, null, 0.95)),
                        new Alert(
                                Alert.SCHEMA,
                                "muted",
                                "o",
                                "m",
                                "tribunal",
                                null,
                                null,
                                true,
                                null,
                                NOW,
                                null),
                        new Alert(
                                Alert.SCHEMA,
                                "snoozed",
                                "o",
                                "s",
                                "tribunal",
                                null,
                                null,
                                false,
                                NOW.plusSeconds(60),
                                NOW,
                                null)));
        assertThat(matcher.match(ENGLISH, NOW).stream().map(Alert::id))
                .containsExactlyInAnyOrder("any", "outlet", "country", "topic");
        assertThat(matcher.match(ENGLISH, NOW.plusSeconds(61)).stream().map(Alert::id))
                .contains("snoozed");
        matcher.remove(List.of("any"));
        assertThat(matcher.matchQueries(ENGLISH)).doesNotContain("any");
    }

    @Test
    void aReplacedOrRemovedQueryNoLongerMatchesAndNothingMatchesTwice() {
        matcher.upsert(
                List.of(
                        alert("a", "tribunal"),
                        alert("b", "organ OR tribunal OR london"),
                        alert("c", "consci*")));
        assertThat(matcher.matchQueries(ENGLISH)).containsExactlyInAnyOrder("a", "b", "c");
        matcher.upsert(List.of(alert("a", "parliament"), alert("c", "organ (-tribunal)")));
        assertThat(matcher.matchQueries(ENGLISH)).containsExactly("b");
        matcher.remove(List.of("b"));
        matcher.upsert(List.of(alert("d", "\"organ harvesting\" london"), alert("a", "organ")));
        assertThat(matcher.matchQueries(ENGLISH)).containsExactlyInAnyOrder("a", "d");
        matcher.upsert(List.of(alert("a", "organ AND (")));
        assertThat(matcher.matchQueries(ENGLISH)).containsExactly("d");
        assertThat(matcher.size()).isEqualTo(2);
    }

    @Test
    void queriesOnlyLuceneCanRunGoThroughTheMonitorAndLeaveItWhenReplacedOrRemoved() {
        matcher.upsert(
                List.of(
                        alert("range", "[trib TO tric]"),
                        alert("range-narrow", "[tribu TO tribv]"),
                        alert("sloppy", "\"tribunal found\"~3"),
                        alert("sloppy-miss", "\"tribunal parliament\"~3"),
                        alert("exact", "tribunal")));
        assertThat(matcher.monitored()).isEqualTo(4);
        assertThat(matcher.matchQueries(ENGLISH))
                .containsExactlyInAnyOrder("range", "range-narrow", "sloppy", "exact");
        assertThat(matcher.matchQueries(CHINESE)).isEmpty();
        // monitored -> compiled, compiled -> monitored
        matcher.upsert(
                List.of(alert("range", "parliament"), alert("exact", "[parliamn TO parliamo]")));
        assertThat(matcher.monitored()).isEqualTo(4);
        assertThat(matcher.matchQueries(ENGLISH))
                .containsExactlyInAnyOrder("range-narrow", "sloppy");
        matcher.remove(List.of("range-narrow"));
        matcher.upsert(List.of(alert("sloppy", "organ AND (")));
        assertThat(matcher.monitored()).isEqualTo(2);
        assertThat(matcher.matchQueries(ENGLISH)).isEmpty();
        matcher.upsert(List.of(alert("sloppy", "\"tribunal found\"~3")));
        assertThat(matcher.matchQueries(ENGLISH)).containsExactly("sloppy");
        assertThat(matcher.size()).isEqualTo(4);
        // the same id twice in one batch: the last one counts
        matcher.upsert(List.of(alert("twice", "[trib TO tric]"), alert("twice", "parliament")));
        assertThat(matcher.matchQueries(ENGLISH)).containsExactly("sloppy");
        matcher.upsert(List.of(alert("twice", "parliament"), alert("twice", "[tribu TO tribv]")));
        assertThat(matcher.matchQueries(ENGLISH)).containsExactlyInAnyOrder("sloppy", "twice");
    }

    @Test
    void fuzzyWildcardAndRegexpQueriesAreCompiledNotMonitored() {
        matcher.upsert(
                List.of(
                        alert("fuzzy", "tribuna~"),
                        alert("fuzzy-1", "hospitl~1"),
                        alert("wildcard", "tribu?"),
                        alert("wildcard-inside", "lo*on"),
                        alert("regexp", "/tribu.*/"),
                        alert("zh-wildcard", "器*"),
                        alert("miss", "parliamnt~")));
        assertThat(matcher.monitored()).isZero();
        assertThat(matcher.matchQueries(ENGLISH))
                .containsExactlyInAnyOrder("fuzzy", "wildcard", "wildcard-inside", "regexp");
        assertThat(matcher.matchQueries(CHINESE)).containsExactly("zh-wildcard");
    }

    static Alert.Filters filters(
            List<String> languages,
            List<String> outlets,
            List<String> countries,
            List<String> topics,
            Double minRelevance) {
        return new Alert.Filters(languages, outlets, countries, topics, null, minRelevance);
    }
}
