package io.vigil.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.feed.Feed;
import io.vigil.testkit.SourceTree;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedSeedsTest {

    @Test
    void loadsGoodEntriesAndReportsBadOnesWithTheirLine() {
        String yaml =
                """
                feeds:
                  - id: good-one
                    url: https://example.org/feed.xml
                    name: Example
                    country: gb
                    language: en
                    tags: [agency, asia]
                    poll-interval: 15m
                  - id: Bad Id
                    url: https://example.org/x
                  - id: no-url
                  - { id: relative, url: /feed }
                  - { id: good-two, url: "http://example.net/rss", tags: "a, b" }
                  - { id: good-one, url: "https://example.org/again" }
                  - { id: odd, url: "https://example.org/y", colour: blue }
                  - { id: fast, url: "https://example.org/z", poll-interval: 5s }
                """;
        FeedSeeds.Load load = FeedSeeds.parse(yaml);

        assertThat(load.feeds()).extracting(Feed::id).containsExactly("good-one", "good-two");
        Feed first = load.feeds().get(0);
        assertThat(first.country()).isEqualTo("GB");
        assertThat(first.tags()).containsExactly("agency", "asia");
        assertThat(first.pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(load.feeds().get(1).tags()).containsExactly("a", "b");
        assertThat(load.feeds().get(1).name()).isEqualTo("good-two");

        assertThat(load.problems())
                .extracting(FeedSeeds.Problem::line)
                .containsExactly(9, 11, 12, 14, 15, 16);
        assertThat(load.problems().get(0).message()).contains("feed id must be lower case");
        assertThat(load.problems().get(1).message()).contains("missing 'url'");
        assertThat(load.problems().get(2).message()).contains("absolute http(s) URL");
        assertThat(load.problems().get(3).message()).contains("duplicate id 'good-one'");
        assertThat(load.problems().get(4).message()).contains("unknown field 'colour'");
        assertThat(load.problems().get(5).message()).contains("at least 1m");
    }

    @Test
    void aFileThatIsNotYamlIsOneProblemNotAnException() {
        FeedSeeds.Load load = FeedSeeds.parse("feeds: [ {id: x, url: ");
        assertThat(load.feeds()).isEmpty();
        assertThat(load.problems()).singleElement().asString().contains("not valid YAML");
        assertThat(FeedSeeds.parse("just text").problems())
                .singleElement()
                .asString()
                .contains("expected a 'feeds:' list");
    }

    @Test
    void theProjectsSeedListLoadsCleanly() {
        Path seeds = SourceTree.find(Path.of("seeds", "feeds.yml"));
        FeedSeeds.Load load = FeedSeeds.load(seeds);
        assertThat(load.problems()).isEmpty();
        assertThat(load.feeds()).hasSizeBetween(20, 40);
        assertThat(load.feeds()).anyMatch(f -> f.tags().contains("search"));
        assertThat(load.feeds())
                .anyMatch(f -> f.language() != null && f.language().startsWith("zh"));
    }
}
