package io.vigil.indexer.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.search.ArticleDocument;
import io.vigil.testkit.ClassifiedArticles;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleDocumentsTest {

    private static final Instant FETCHED = Instant.parse("2026-01-10T12:00:00Z");

    @Test
    void mapsFacetsRelevanceAndTheArticlesTime() {
        ArticleDocument d =
                ArticleDocuments.of(
                        ClassifiedArticles.article("https://www.news.example/a?x=1")
                                .site("News Example")
                                .published(Instant.parse("2025-12-31T23:00:00Z"))
                                .fetchedAt(FETCHED)
                                .topic("organ-harvesting", 0.8, "forced-harvesting")
                                .topic("tibet.monks", 0.2)
                                .countries("cn", "US")
                                .outletCountry("gb")
                                .paywalled()
                                .build());
        assertThat(d.domain()).isEqualTo("news.example");
        assertThat(d.outlet()).isEqualTo("News Example");
        assertThat(d.outletCountry()).isEqualTo("GB");
        assertThat(d.countries()).containsExactly("CN", "US");
        assertThat(d.topics()).containsExactly("organ-harvesting");
        assertThat(d.themes()).containsExactly("forced-harvesting");
        assertThat(d.relevance())
                .containsEntry("organ-harvesting", 0.8)
                .containsEntry("tibet_monks", 0.2);
        assertThat(d.maxRelevance()).isEqualTo(0.8);
        assertThat(d.paywalled()).isTrue();
        assertThat(d.date()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(d.languages()).isEmpty();
    }

    @Test
    void fallsBackToTheFetchTimeWithoutOrWithAnImplausibleDate() {
        assertThat(ArticleDocuments.time(null, FETCHED)).isEqualTo(FETCHED);
        assertThat(ArticleDocuments.time(FETCHED.plusSeconds(3 * 86400), FETCHED))
                .isEqualTo(FETCHED);
    }

    @Test
    void putsNonEnglishTextUnderItsLanguagesAnalyzer() {
        ArticleDocument d =
                ArticleDocuments.of(
                        ClassifiedArticles.article("https://zh.example/a")
                                .title("标题")
                                .text("正文")
                                .language("zh")
                                .build());
        assertThat(d.languages()).containsOnlyKeys("zh");
        assertThat(d.languages().get("zh").text()).isEqualTo("正文");
        assertThat(d.outlet()).isEqualTo("zh.example");
    }

    @Test
    void monthlyIndicesAreNamedInUtc() {
        assertThat(IndexLocator.monthlyIndex("a", Instant.parse("2025-12-31T23:30:00Z")))
                .isEqualTo("a-2025.12");
    }
}
