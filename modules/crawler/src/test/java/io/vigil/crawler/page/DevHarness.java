package io.vigil.crawler.page;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Development aid: scores the benchmark and writes per-page output (not a test). */
final class DevHarness {
    public static void main(String[] args) throws Exception {
        List<BenchmarkPages.Page> pages = BenchmarkPages.load(BenchmarkPages.find());
        ArticleExtractor extractor = new ArticleExtractor(args.length > 1);
        List<ExtractionScore.PageScore> scores = new ArrayList<>();
        Path out = Path.of(args.length > 0 ? args[0] : "target/dev");
        Files.createDirectories(out);
        StringBuilder table = new StringBuilder();
        for (BenchmarkPages.Page page : pages) {
            ExtractedArticle a = extractor.extract(page.html(), page.url());
            ExtractionScore.PageScore s = ExtractionScore.score(a.text(), page.expected());
            scores.add(s);
            table.append(
                    String.format(
                            Locale.ROOT,
                            "%.3f %.3f %s %s%n",
                            s.precision(),
                            s.recall(),
                            page.id().substring(0, 8),
                            page.url()));
            Files.writeString(out.resolve(page.id().substring(0, 8) + ".got.txt"), a.text());
            Files.writeString(out.resolve(page.id().substring(0, 8) + ".exp.txt"), page.expected());
        }
        Files.writeString(out.resolve("table.txt"), table);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (BenchmarkPages.Page page : pages) {
                extractor.extract(page.html(), page.url());
            }
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "pages/s %.1f%n", pages.size() / ((t1 - t0) / 1e9));
        }
        System.out.println(ExtractionScore.summarize(scores));
    }
}
