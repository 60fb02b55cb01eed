package io.vigil.crawler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor over the article-extraction benchmark (when the shared data is there) and
 * fails below floors a little under what it achieves, so that a regression shows. Speed is measured
 * by {@code vigil bench extraction}, not here.
 */
class ExtractionBenchmarkTest {

    static final double MIN_F1 = 0.96;
    static final double MIN_PRECISION = 0.96;

    @Test
    void scoresAboveTheFloor() throws IOException {
        Path data = BenchmarkPages.find();
        if (data == null) {
            System.err.println(
                    "SKIPPED ExtractionBenchmarkTest: shared/data/article-extraction-benchmark not"
                            + " found above the working directory");
        }
        Assumptions.assumeTrue(data != null, "article-extraction-benchmark data not found");
        ArticleExtractor extractor = new ArticleExtractor(false);
        List<ExtractionScore.PageScore> scores = new ArrayList<>();
        for (BenchmarkPages.Page page : BenchmarkPages.load(data)) {
            ExtractedArticle article = extractor.extract(page.html(), page.url());
            scores.add(ExtractionScore.score(article.text(), page.expected()));
        }
        ExtractionScore.Summary summary = ExtractionScore.summarize(scores);
        System.out.println("extraction benchmark: " + summary);
        assertThat(summary.pages()).isGreaterThanOrEqualTo(100);
        assertThat(summary.f1()).isGreaterThanOrEqualTo(MIN_F1);
        assertThat(summary.precision()).isGreaterThanOrEqualTo(MIN_PRECISION);
    }
}
