package io.vigil.testkit;

import io.vigil.core.event.ArticleAccepted;
import io.vigil.core.event.ArticleClassified;
import io.vigil.core.event.ArticleClassified.DetectedLanguage;
import io.vigil.core.event.ArticleClassified.ThemeRelevance;
import io.vigil.core.event.ArticleClassified.TopicRelevance;
import io.vigil.core.event.ArticleFetched;
import io.vigil.core.url.ArticleIds;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link ArticleClassified} records for tests, as the classifier would publish them.
 *
 * <pre>{@code
 * ArticleClassified a = ClassifiedArticles.article("https://news.example/a1")
 *         .title("Organ harvesting report").text("...").language("en")
 *         .published(Instant.parse("2026-01-05T10:00:00Z"))
 *         .topic("organ-harvesting", 0.9, "forced-harvesting").build();
 * }</pre>
 */
public final class ClassifiedArticles {

    private final URI url;
    private String title = "A title";
    private String text = "Some text.";
    private String language = "en";
    private String siteName;
    private String feedId = "feed-1";
    private Instant published;
    private Instant fetchedAt = Instant.parse("2026-01-10T12:00:00Z");
    private ArticleAccepted.Outcome outcome = ArticleAccepted.Outcome.NEW_STORY;
    private String storyId;
    private ArticleFetched.Access access = ArticleFetched.Access.OPEN;
    private final List<TopicRelevance> topics = new ArrayList<>();
    private List<String> countries = List.of();
    private String outletCountry;
    private List<String> authors = List.of();
    private boolean backfill;

    private ClassifiedArticles(URI url) {
        this.url = url;
    }

    /** An English article at {@code url}, fetched 2026-01-10, new story, no topic. */
    public static ClassifiedArticles article(String url) {
        return new ClassifiedArticles(URI.create(url));
    }

    public ClassifiedArticles title(String value) {
        title = value;
        return this;
    }

    public ClassifiedArticles text(String value) {
        text = value;
        return this;
    }

    /** ISO 639-1 code, as the classifier detects it. */
    public ClassifiedArticles language(String value) {
        language = value;
        return this;
    }

    public ClassifiedArticles site(String value) {
        siteName = value;
        return this;
    }

    public ClassifiedArticles feed(String value) {
        feedId = value;
        return this;
    }

    public ClassifiedArticles published(Instant value) {
        published = value;
        return this;
    }

    public ClassifiedArticles fetchedAt(Instant value) {
        fetchedAt = value;
        return this;
    }

    /** Marks it as a refetch of an article dedup has seen. */
    public ClassifiedArticles refetched() {
        outcome = ArticleAccepted.Outcome.REFETCHED;
        return this;
    }

    /** Puts it into the story of {@code representativeId} as a duplicate. */
    public ClassifiedArticles story(String representativeId) {
        storyId = representativeId;
        if (outcome == ArticleAccepted.Outcome.NEW_STORY) {
            outcome = ArticleAccepted.Outcome.DUPLICATE;
        }
        return this;
    }

    public ClassifiedArticles paywalled() {
        access = ArticleFetched.Access.PAYWALLED;
        return this;
    }

    /** Relevant to {@code topic} (at or above its threshold) with the given relevant themes. */
    public ClassifiedArticles topic(String topic, double relevance, String... themes) {
        List<ThemeRelevance> t = new ArrayList<>();
        for (String theme : themes) {
            t.add(new ThemeRelevance(theme, relevance, true));
        }
        topics.add(new TopicRelevance(topic, relevance, relevance >= 0.5, t));
        return this;
    }

    public ClassifiedArticles countries(String... codes) {
        countries = List.of(codes);
        return this;
    }

    public ClassifiedArticles outletCountry(String code) {
        outletCountry = code;
        return this;
    }

    public ClassifiedArticles authors(String... names) {
        authors = List.of(names);
        return this;
    }

    /** Back-filled from the past ({@code vigil import}): no alerts. */
    public ClassifiedArticles backfill() {
        backfill = true;
        return this;
    }

    /** The article id this record will have. */
    public String id() {
        return ArticleIds.of(url);
    }

    public ArticleClassified build() {
        String id = id();
        ArticleFetched fetched =
                new ArticleFetched(
                        ArticleFetched.SCHEMA,
                        id,
                        feedId,
                        url,
                        url,
                        url,
                        title,
                        text,
                        authors,
                        published,
                        null,
                        language,
                        language,
                        null,
                        siteName,
                        null,
                        List.of(),
                        access,
                        null,
                        new ArticleFetched.Fetch(200, "text/html", text.length(), fetchedAt, "0"),
                        backfill);
        String story = storyId == null ? id : storyId;
        ArticleAccepted accepted =
                new ArticleAccepted(
                        ArticleAccepted.SCHEMA,
                        id,
                        fetched,
                        outcome,
                        story,
                        story.equals(id) ? null : story,
                        story.equals(id) ? 1.0 : 0.8,
                        story,
                        1,
                        List.of());
        return new ArticleClassified(
                ArticleClassified.SCHEMA,
                id,
                accepted,
                new DetectedLanguage(language, 0.99),
                topics,
                countries,
                List.of(),
                outletCountry,
                "test-classifier",
                fetchedAt.plusSeconds(1));
    }
}
